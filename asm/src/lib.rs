//! diojit's instruction-set layer. Everything that depends on the machine's
//! instruction encoding lives in this crate, which knows nothing of Python:
//! the compiler emits through the architecture-neutral [`Masm`] trait and
//! [`Native`] is the implementation for the machine we run on.

mod disasm;
pub mod masm;
mod stack;
#[cfg(target_arch = "x86_64")]
pub mod x64;

pub use disasm::{disassemble, Line};
pub use masm::{Alu, Arg, AsmError, Cond, FOp, FReg, Label, Masm, Mem, Operand, Reg};
pub use stack::stack_pointer;

/// The macro-assembler for the machine we run on.
#[cfg(target_arch = "x86_64")]
pub type Native = x64::X64Masm;
