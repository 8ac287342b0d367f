//! Decoding 3.11 bytecode into instructions: `EXTENDED_ARG` prefixes folded
//! into the argument, inline CACHE units skipped.
//!
//! The input is `co_code` (what `code.co_code` returns): the original,
//! unquickened instructions with their cache units zeroed. All positions
//! are in code units (2 bytes), as the interpreter counts them.

use crate::cpython::opcode::Op;

/// One decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// First code unit, including any `EXTENDED_ARG` prefixes: where to
    /// resume to re-run the instruction.
    pub start: u32,
    /// Code unit of the opcode itself: where `prev_instr` points while the
    /// instruction runs (and when it raises).
    pub unit: u32,
    pub op: Op,
    pub oparg: u32,
    /// Code unit after the instruction and its caches.
    pub next: u32,
}

impl Instr {
    /// The jump target, for jumps.
    pub fn target(&self) -> Option<u32> {
        self.op.jump_target(self.oparg, self.next)
    }
}

/// Why bytecode could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    OddLength,
    UnknownOpcode { unit: u32, byte: u8 },
    /// An `EXTENDED_ARG` or a cache run past the end of the code.
    Truncated { unit: u32 },
    /// A jump to a position that is not an instruction start.
    BadJump { unit: u32, target: u32 },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::OddLength => write!(f, "bytecode has an odd length"),
            DecodeError::UnknownOpcode { unit, byte } => write!(f, "unknown opcode {byte} at unit {unit}"),
            DecodeError::Truncated { unit } => write!(f, "instruction at unit {unit} runs past the end"),
            DecodeError::BadJump { unit, target } => {
                write!(f, "jump at unit {unit} to {target}, which is not an instruction")
            }
        }
    }
}

/// Decodes `co_code` into instructions in code order.
pub fn decode(code: &[u8]) -> Result<Vec<Instr>, DecodeError> {
    if code.len() % 2 != 0 {
        return Err(DecodeError::OddLength);
    }
    let units = (code.len() / 2) as u32;
    let at = |u: u32| (code[2 * u as usize], code[2 * u as usize + 1]);
    let mut out = Vec::new();
    let mut u = 0;
    while u < units {
        let start = u;
        let mut oparg: u32 = 0;
        let (mut byte, mut arg) = at(u);
        while byte == Op::EXTENDED_ARG as u8 {
            oparg = (oparg | arg as u32) << 8;
            u += 1;
            if u >= units {
                return Err(DecodeError::Truncated { unit: start });
            }
            (byte, arg) = at(u);
        }
        oparg |= arg as u32;
        let op = Op::from_u8(byte).ok_or(DecodeError::UnknownOpcode { unit: u, byte })?;
        let next = u + 1 + op.caches();
        if next > units {
            return Err(DecodeError::Truncated { unit: start });
        }
        out.push(Instr { start, unit: u, op, oparg, next });
        u = next;
    }
    for i in &out {
        if let Some(t) = i.target() {
            if out.binary_search_by_key(&t, |j| j.start).is_err() {
                return Err(DecodeError::BadJump { unit: i.unit, target: t });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(units: &[(Op, u8)]) -> Vec<u8> {
        units.iter().flat_map(|&(op, arg)| [op as u8, arg]).collect()
    }

    #[test]
    fn skips_caches_and_folds_extended_args() {
        let code = bytes(&[
            (Op::RESUME, 0),
            (Op::EXTENDED_ARG, 1),
            (Op::EXTENDED_ARG, 2),
            (Op::LOAD_CONST, 3),
            (Op::BINARY_OP, 0),
            (Op::CACHE, 0),
            (Op::RETURN_VALUE, 0),
        ]);
        let instrs = decode(&code).unwrap();
        let seen: Vec<_> = instrs.iter().map(|i| (i.start, i.unit, i.op, i.oparg, i.next)).collect();
        assert_eq!(
            seen,
            [
                (0, 0, Op::RESUME, 0, 1),
                (1, 3, Op::LOAD_CONST, 0x010203, 4),
                (4, 4, Op::BINARY_OP, 0, 6),
                (6, 6, Op::RETURN_VALUE, 0, 7),
            ]
        );
    }

    #[test]
    fn jump_targets_are_relative_to_the_unit_after_caches() {
        let code = bytes(&[
            (Op::NOP, 0),
            (Op::FOR_ITER, 2),
            (Op::STORE_FAST, 0),
            (Op::JUMP_BACKWARD, 3),
            (Op::RETURN_VALUE, 0),
        ]);
        let instrs = decode(&code).unwrap();
        assert_eq!(instrs[1].target(), Some(4));
        assert_eq!(instrs[3].target(), Some(1));
    }

    #[test]
    fn rejects_malformed_code() {
        assert_eq!(decode(&[1]), Err(DecodeError::OddLength));
        assert_eq!(decode(&[255, 0]), Err(DecodeError::UnknownOpcode { unit: 0, byte: 255 }));
        assert_eq!(decode(&bytes(&[(Op::EXTENDED_ARG, 1)])), Err(DecodeError::Truncated { unit: 0 }));
        assert_eq!(decode(&bytes(&[(Op::LOAD_ATTR, 0)])), Err(DecodeError::Truncated { unit: 0 }));
        assert_eq!(
            decode(&bytes(&[(Op::JUMP_FORWARD, 5), (Op::NOP, 0)])),
            Err(DecodeError::BadJump { unit: 0, target: 6 })
        );
    }
}
