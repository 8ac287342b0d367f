//! diojit's instruction-set layer. Everything that depends on the machine's
//! instruction encoding lives in this crate, which knows nothing of Python:
//! the interpreter-facing crate asks it for machine facts and machine code.

mod stack;

pub use stack::stack_pointer;
