//! The CPython 3.11 layer: every fact about the interpreter's private layout
//! and every private entry point the JIT relies on lives under this module, so
//! that supporting another interpreter version means adding a sibling of it.
//!
//! Public C-API items come from `pyo3::ffi`; the mirrors here cover what
//! pyo3 keeps opaque (`_PyInterpreterFrame`, `PyCodeObject`, `PyThreadState`).

pub mod api;
pub mod opcode;
pub mod layout;
pub mod offsets;
