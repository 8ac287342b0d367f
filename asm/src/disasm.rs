//! Disassembly of emitted machine code, for `diojit.dis()` and for tests.

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// One decoded instruction: its address, its bytes and its Intel syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub address: u64,
    pub bytes: Vec<u8>,
    pub text: String,
}

/// Decodes `code`, which sits at `address`, into instructions.
#[cfg(target_arch = "x86_64")]
pub fn disassemble(code: &[u8], address: u64) -> Vec<Line> {
    let mut decoder = Decoder::with_ip(64, code, address, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    formatter.options_mut().set_hex_prefix("0x");
    formatter.options_mut().set_hex_suffix("");
    formatter.options_mut().set_uppercase_hex(false);
    formatter.options_mut().set_branch_leading_zeros(false);
    let mut out = Vec::new();
    let mut insn = Instruction::default();
    while decoder.can_decode() {
        decoder.decode_out(&mut insn);
        let mut text = String::new();
        formatter.format(&insn, &mut text);
        let start = (insn.ip() - address) as usize;
        out.push(Line { address: insn.ip(), bytes: code[start..start + insn.len()].to_vec(), text });
    }
    out
}
