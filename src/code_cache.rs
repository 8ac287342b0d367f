//! Executable memory for compiled code.
//!
//! One region is reserved up front (inaccessible) and handed out in whole
//! pages. A unit of code is written while its pages are read+write, then
//! the pages become read+execute and are never made writable again while
//! the unit lives: no page is ever writable and executable at once, and no
//! code moves (threads may be executing it while the GIL is released).
//! When the code object owning a unit dies, no frame of it can be running,
//! so its pages return to the free list (inaccessible until reused).
//!
//! The region's size is the cap: `DIOJIT_CODE_MB` megabytes (default 256).
//! Once full, allocation fails and the compiler stops, cleanly.

use std::collections::BTreeMap;
use std::sync::Mutex;

/// Environment variable capping native code size, in MiB.
pub const CODE_MB_ENV: &str = "DIOJIT_CODE_MB";
const DEFAULT_MB: usize = 256;

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if n > 0 { n as usize } else { 4096 }
}

/// Why code could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheError {
    /// The cap is reached.
    Full,
    /// The OS refused a mapping or protection change.
    Os(String),
    /// `DIOJIT_CODE_MB` is not a positive integer.
    BadCap(String),
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheError::Full => f.write_str("code cache full"),
            CacheError::Os(e) => write!(f, "code cache: {e}"),
            CacheError::BadCap(v) => write!(f, "{CODE_MB_ENV} must be a positive integer, got {v:?}"),
        }
    }
}

/// Placed code: `len` bytes at `addr`, owning whole pages.
#[derive(Debug)]
pub struct Unit {
    pub addr: usize,
    pub len: usize,
    pages: usize,
}

impl Drop for Unit {
    fn drop(&mut self) {
        if let Ok(mut arena) = ARENA.lock() {
            if let Some(arena) = arena.as_mut() {
                arena.release(self.addr, self.pages);
            }
        }
    }
}

struct Arena {
    base: usize,
    page: usize,
    pages: usize,
    /// Pages never handed out start here.
    bump: usize,
    /// Free runs: start page -> length in pages.
    free: BTreeMap<usize, usize>,
    used_bytes: usize,
}

// SAFETY: the arena only holds addresses; all access goes through the mutex.
unsafe impl Send for Arena {}

static ARENA: Mutex<Option<Arena>> = Mutex::new(None);

/// The configured cap in bytes.
pub fn cap_bytes() -> Result<usize, CacheError> {
    match std::env::var(CODE_MB_ENV) {
        Ok(v) if !v.trim().is_empty() => match v.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n << 20),
            _ => Err(CacheError::BadCap(v)),
        },
        _ => Ok(DEFAULT_MB << 20),
    }
}

impl Arena {
    fn reserve(bytes: usize) -> Result<Arena, CacheError> {
        let page = page_size();
        let pages = bytes.div_ceil(page);
        // SAFETY: an anonymous private reservation; no existing memory is
        // affected. PROT_NONE until pages are handed out.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                pages * page,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return Err(CacheError::Os(std::io::Error::last_os_error().to_string()));
        }
        Ok(Arena { base: base as usize, page, pages, bump: 0, free: BTreeMap::new(), used_bytes: 0 })
    }

    fn take(&mut self, want: usize) -> Option<usize> {
        let found = self.free.iter().find(|(_, &len)| len >= want).map(|(&s, &l)| (s, l));
        if let Some((start, len)) = found {
            self.free.remove(&start);
            if len > want {
                self.free.insert(start + want, len - want);
            }
            return Some(start);
        }
        if self.bump + want <= self.pages {
            self.bump += want;
            return Some(self.bump - want);
        }
        None
    }

    fn protect(&self, start: usize, pages: usize, prot: libc::c_int) -> Result<(), CacheError> {
        let addr = self.base + start * self.page;
        // SAFETY: the range lies inside our reservation and holds no live
        // code while it is writable (callers guarantee).
        let rc = unsafe { libc::mprotect(addr as *mut libc::c_void, pages * self.page, prot) };
        if rc == 0 { Ok(()) } else { Err(CacheError::Os(std::io::Error::last_os_error().to_string())) }
    }

    fn release(&mut self, addr: usize, pages: usize) {
        let start = (addr - self.base) / self.page;
        // Dead code becomes inaccessible: a stray jump into it faults.
        let _ = self.protect(start, pages, libc::PROT_NONE);
        self.used_bytes -= pages * self.page;
        let mut start = start;
        let mut len = pages;
        if let Some((&next, &next_len)) = self.free.range(start + len..).next() {
            if next == start + len {
                self.free.remove(&next);
                len += next_len;
            }
        }
        if let Some((&prev, &prev_len)) = self.free.range(..start).next_back() {
            if prev + prev_len == start {
                self.free.remove(&prev);
                start = prev;
                len += prev_len;
            }
        }
        self.free.insert(start, len);
    }
}

/// Set once the cap is reached: nothing more is compiled.
static FULL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the cap has been reached.
pub fn is_full() -> bool {
    FULL.load(std::sync::atomic::Ordering::Relaxed)
}

/// Copies `code` into executable memory.
pub fn place(code: &[u8]) -> Result<Unit, CacheError> {
    if is_full() {
        return Err(CacheError::Full);
    }
    let mut guard = ARENA.lock().map_err(|_| CacheError::Os("poisoned".into()))?;
    if guard.is_none() {
        *guard = Some(Arena::reserve(cap_bytes()?)?);
    }
    let arena = guard.as_mut().ok_or(CacheError::Full)?;
    let pages = code.len().max(1).div_ceil(arena.page);
    let Some(start) = arena.take(pages) else {
        FULL.store(true, std::sync::atomic::Ordering::Relaxed);
        return Err(CacheError::Full);
    };
    let addr = arena.base + start * arena.page;
    let written = arena.protect(start, pages, libc::PROT_READ | libc::PROT_WRITE).and_then(|()| {
        // SAFETY: the pages were just made writable and belong to no one.
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), addr as *mut u8, code.len()) };
        arena.protect(start, pages, libc::PROT_READ | libc::PROT_EXEC)
    });
    if let Err(e) = written {
        arena.free.insert(start, pages);
        return Err(e);
    }
    arena.used_bytes += pages * arena.page;
    Ok(Unit { addr, len: code.len(), pages })
}

/// Bytes of pages currently holding live code.
pub fn used_bytes() -> usize {
    ARENA.lock().ok().and_then(|a| a.as_ref().map(|a| a.used_bytes)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_code_runs_and_pages_are_reused_after_release() {
        // x86-64: mov eax, 42; ret
        let code = [0xb8, 42, 0, 0, 0, 0xc3];
        let unit = place(&code).unwrap();
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: the unit holds a complete function returning an int.
            let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(unit.addr) };
            assert_eq!(f(), 42);
        }
        let addr = unit.addr;
        drop(unit);
        let again = place(&code).unwrap();
        assert_eq!(again.addr, addr, "released pages are reused first");
    }

    #[test]
    fn placed_pages_are_never_writable() {
        let unit = place(&[0xc3; 100]).unwrap();
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        let line = maps
            .lines()
            .find(|l| {
                let (range, _) = l.split_once(' ').unwrap();
                let (a, b) = range.split_once('-').unwrap();
                let (a, b) = (usize::from_str_radix(a, 16).unwrap(), usize::from_str_radix(b, 16).unwrap());
                a <= unit.addr && unit.addr < b
            })
            .unwrap();
        let perms = line.split_whitespace().nth(1).unwrap();
        assert!(perms.starts_with("r-x"), "{line}");
    }

    #[test]
    fn cap_parsing() {
        assert!(matches!(Arena::reserve(8 * page_size()), Ok(_)));
        let mut a = Arena::reserve(2 * page_size()).unwrap();
        assert_eq!(a.take(2), Some(0));
        assert_eq!(a.take(1), None, "full at the cap");
    }
}
