//! The 3.11 exception table (`co_exceptiontable`): which code ranges are
//! protected, where their handler starts, and the stack depth it expects.
//!
//! Entries are sequences of variable-length integers: start, length,
//! target, and depth-and-lasti (`depth << 1 | lasti`), all in code units.
//! Each integer is 6-bit chunks, most significant first; bit 6 (0x40) says
//! another chunk follows, and bit 7 marks the first byte of an entry.

/// One protected range `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub start: u32,
    pub end: u32,
    /// First code unit of the handler.
    pub target: u32,
    /// Value-stack depth the handler starts from (before pushing).
    pub depth: u32,
    /// Whether the handler also receives the raising instruction's offset.
    pub lasti: bool,
}

impl Entry {
    /// Stack depth at the handler's first instruction: the entry depth
    /// plus the exception, plus `lasti` if pushed.
    pub fn handler_depth(&self) -> u32 {
        self.depth + 1 + self.lasti as u32
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError;

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("malformed exception table")
    }
}

/// Parses a whole exception table.
pub fn parse(table: &[u8]) -> Result<Vec<Entry>, TableError> {
    let mut bytes = table.iter().copied();
    let mut entries = Vec::new();
    while let Some(first) = bytes.next() {
        let start = varint(first, &mut bytes)?;
        let length = varint(next(&mut bytes)?, &mut bytes)?;
        let target = varint(next(&mut bytes)?, &mut bytes)?;
        let depth_lasti = varint(next(&mut bytes)?, &mut bytes)?;
        entries.push(Entry {
            start,
            end: start.checked_add(length).ok_or(TableError)?,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 == 1,
        });
    }
    Ok(entries)
}

/// The entry protecting code unit `unit`, if any. Entries do not overlap.
pub fn lookup(entries: &[Entry], unit: u32) -> Option<&Entry> {
    entries.iter().find(|e| e.start <= unit && unit < e.end)
}

fn next(bytes: &mut impl Iterator<Item = u8>) -> Result<u8, TableError> {
    bytes.next().ok_or(TableError)
}

fn varint(first: u8, bytes: &mut impl Iterator<Item = u8>) -> Result<u32, TableError> {
    let mut b = first;
    let mut value = (b & 63) as u32;
    while b & 64 != 0 {
        b = next(bytes)?;
        value = value.checked_shl(6).ok_or(TableError)? | (b & 63) as u32;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_and_multi_chunk_entries() {
        // start 2, length 5, target 70 (= 1*64 + 6), depth 1 with lasti.
        let table = [0x80 | 2, 5, 0x40 | 1, 6, 3];
        assert_eq!(
            parse(&table).unwrap(),
            [Entry { start: 2, end: 7, target: 70, depth: 1, lasti: true }]
        );
    }

    #[test]
    fn lookup_finds_the_protecting_range() {
        let table = [0x80 | 2, 3, 10, 0, 0x80 | 20, 2, 30, 4];
        let entries = parse(&table).unwrap();
        assert_eq!(lookup(&entries, 1), None);
        assert_eq!(lookup(&entries, 2).map(|e| e.target), Some(10));
        assert_eq!(lookup(&entries, 4).map(|e| e.target), Some(10));
        assert_eq!(lookup(&entries, 5), None);
        assert_eq!(lookup(&entries, 21).map(|e| (e.depth, e.lasti)), Some((2, false)));
        assert_eq!(entries[1].handler_depth(), 3);
    }

    #[test]
    fn truncated_tables_are_errors() {
        assert_eq!(parse(&[0x82, 3]), Err(TableError));
        assert_eq!(parse(&[0x82, 3, 0x41]), Err(TableError));
    }
}
