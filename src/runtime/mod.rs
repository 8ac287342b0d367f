//! Helpers called from native code: each performs one bytecode instruction
//! exactly as CPython 3.11's `_PyEval_EvalFrameDefault` does on its generic
//! (unspecialised) path, on the frame's own value stack.
//!
//! Every helper has the interpreter's view of an instruction:
//! `(tstate, frame, stack_pointer, oparg) -> status`, where
//! `stack_pointer` points one past the top of the value stack. On success
//! the stack holds the instruction's results; on error (status < 0) an
//! exception is set and the stack is exactly as the interpreter leaves it at
//! its `goto error`, so the compiler knows the depth to hand the frame back
//! at. No helper may unwind: a Rust panic is turned into `SystemError`.

pub mod attrs;
pub mod caches;
pub mod calls;
pub mod containers;
pub mod control;
pub mod errors;
pub mod exceptions;
pub mod frameless;
pub mod frames;
pub mod iteration;
pub mod names;
pub mod operators;
pub mod patterns;

use crate::cpython::layout::{CodeObject, InterpreterFrame, ThreadState};
use pyo3::ffi::{self, PyObject};
use std::os::raw::c_int;

pub type Obj = *mut PyObject;

/// The signature shared by instruction helpers.
pub type OpHelper = unsafe extern "C" fn(*mut ThreadState, *mut InterpreterFrame, *mut Obj, u32) -> c_int;

/// The interpreter's `stack_pointer`: one past the top of the value stack.
/// `peek(1)` is the top (`TOP()`), `peek(2)` the second (`SECOND()`).
#[derive(Clone, Copy)]
pub struct Sp(pub *mut Obj);

impl Sp {
    /// # Safety
    /// `n` must be within the live stack.
    #[inline(always)]
    pub unsafe fn peek(self, n: usize) -> Obj {
        // SAFETY: caller guarantees the slot is on the stack.
        unsafe { *self.0.sub(n) }
    }
    /// # Safety
    /// `n` must be within the frame's stack area.
    #[inline(always)]
    pub unsafe fn set(self, n: usize, v: Obj) {
        // SAFETY: caller guarantees the slot is on the stack.
        unsafe { *self.0.sub(n) = v }
    }
    /// Address of `peek(n)`.
    #[inline(always)]
    pub fn slot(self, n: usize) -> *mut Obj {
        self.0.wrapping_sub(n)
    }
}

/// The frame's code object.
///
/// # Safety
/// A live frame.
#[inline(always)]
pub unsafe fn code_of(frame: *mut InterpreterFrame) -> *mut CodeObject {
    // SAFETY: caller guarantees a live frame.
    unsafe { (*frame).f_code }
}

/// `GETITEM(names, i)`: a borrowed name of the frame's code.
///
/// # Safety
/// A live frame and a valid index (the bytecode's own operand).
#[inline(always)]
pub unsafe fn name(frame: *mut InterpreterFrame, i: u32) -> Obj {
    // SAFETY: co_names is a tuple and the compiler emitted a valid index.
    unsafe { ffi::PyTuple_GET_ITEM((*code_of(frame)).co_names, i as ffi::Py_ssize_t) }
}

/// `GETITEM(consts, i)`.
///
/// # Safety
/// As [`name`].
#[inline(always)]
pub unsafe fn constant(frame: *mut InterpreterFrame, i: u32) -> Obj {
    // SAFETY: co_consts is a tuple and the index comes from the bytecode.
    unsafe { ffi::PyTuple_GET_ITEM((*code_of(frame)).co_consts, i as ffi::Py_ssize_t) }
}

/// Constant `i` of a code object (borrowed).
///
/// # Safety
/// A live code object and a valid index.
pub unsafe fn constant_of(code: *mut CodeObject, i: u32) -> Obj {
    // SAFETY: co_consts is a tuple; the index comes from the bytecode.
    unsafe { ffi::PyTuple_GET_ITEM((*code).co_consts, i as ffi::Py_ssize_t) }
}

/// Name `i` of a code object (borrowed).
///
/// # Safety
/// A live code object and a valid index.
pub unsafe fn name_of(code: *mut CodeObject, i: u32) -> Obj {
    // SAFETY: co_names is a tuple; the index comes from the bytecode.
    unsafe { ffi::PyTuple_GET_ITEM((*code).co_names, i as ffi::Py_ssize_t) }
}

/// `frame->localsplus[i]`.
///
/// # Safety
/// A live frame and `i < co_nlocalsplus`.
#[inline(always)]
pub unsafe fn local(frame: *mut InterpreterFrame, i: u32) -> *mut Obj {
    // SAFETY: forwarded.
    unsafe { InterpreterFrame::local_ptr(frame, i as usize) }
}

/// Runs a helper body, turning a Rust panic (always a bug) into a Python
/// `SystemError` instead of unwinding into machine code that cannot unwind.
#[inline(always)]
pub fn guard<R: Copy>(what: &'static str, failed: R, body: impl FnOnce() -> R) -> R {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(_) => {
            crate::stats::INTERNAL_ERRORS.bump();
            let msg = std::ffi::CString::new(format!("diojit internal error in {what}")).unwrap_or_default();
            // SAFETY: helpers run with the GIL held.
            unsafe { ffi::PyErr_SetString(ffi::PyExc_SystemError, msg.as_ptr()) };
            failed
        }
    }
}

/// Defines an instruction helper with the shared signature, guarded
/// against panics.
macro_rules! op_helper {
    ($(#[$meta:meta])* fn $name:ident($tstate:ident, $frame:ident, $sp:ident, $oparg:ident) $body:block) => {
        $(#[$meta])*
        ///
        /// # Safety
        /// Called from native code with the GIL held, a live frame and
        /// thread state, and the stack pointer and operand of the
        /// instruction being run.
        #[allow(unused_variables)]
        pub unsafe extern "C" fn $name(
            $tstate: *mut $crate::cpython::layout::ThreadState,
            $frame: *mut $crate::cpython::layout::InterpreterFrame,
            sp: *mut $crate::runtime::Obj,
            $oparg: u32,
        ) -> std::os::raw::c_int {
            let $sp = $crate::runtime::Sp(sp);
            $crate::runtime::guard(stringify!($name), -1, || {
                // SAFETY: the caller's contract (see above).
                unsafe { $body }
            })
        }
    };
}
pub(crate) use op_helper;

/// `Py_INCREF` returning the object.
///
/// # Safety
/// A live object.
#[inline(always)]
pub unsafe fn new_ref(o: Obj) -> Obj {
    // SAFETY: forwarded.
    unsafe { ffi::Py_INCREF(o) };
    o
}

/// Borrowed `Py_True` or `Py_False`, with a new reference.
#[inline(always)]
pub fn bool_ref(b: bool) -> Obj {
    // SAFETY: the bool singletons are static and immortal in practice.
    unsafe { new_ref(if b { ffi::Py_True() } else { ffi::Py_False() }) }
}
