//! Raising and catching exceptions in native code: the interpreter's
//! `error:` / `exception_unwind:` path (`unwind`) and the instructions of
//! exception handlers, ported from Python/ceval.c (3.11).
//!
//! Native code knows each instruction's handler from the exception table,
//! so `unwind` only records the traceback entry, pops the stack to the
//! handler's depth (or all of it) and pushes what the handler expects;
//! native code then jumps to the handler or returns NULL.

use super::{op_helper, Obj};
use crate::cpython::api;
use crate::cpython::layout::{CodeObject, InterpreterFrame, ThreadState};
use pyo3::ffi;
use std::os::raw::c_int;

/// `unwind` found no handler: the stack is empty, return NULL.
pub const UNWOUND: c_int = 1;
/// `unwind` pushed the exception for the handler.
pub const CAUGHT: c_int = 0;
/// `unwind` did nothing: tracing or profiling is on, the interpreter must
/// unwind (it reports the exception and `return` events).
pub const TO_INTERPRETER: c_int = -1;
/// `level` of `unwind` when the instruction has no handler.
pub const NO_HANDLER: u32 = u32::MAX;

/// `_PyErr_StackItem`.
#[repr(C)]
struct ErrStackItem {
    exc_value: Obj,
    previous_item: *mut ErrStackItem,
}

/// The interpreter's `error:` (with flag 2, traceback) and
/// `exception_unwind:` for an exception raised with `depth` values on the
/// stack at `base`:
/// adds the frame's traceback entry, then pops the stack down to `level`
/// and pushes the raising instruction's offset (with flag 1, lasti) and
/// the exception, or pops it all if there is no handler.
///
/// # Safety
/// Called from native code with the GIL held, an exception set, the live
/// frame (the thread's current one) and its stack base.
pub unsafe extern "C" fn unwind(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    base: *mut Obj,
    depth: u32,
    level: u32,
    flags: u32,
) -> c_int {
    let (lasti, traceback) = (flags & 1 != 0, flags & 2 != 0);
    // SAFETY: the caller's contract; no Python code runs here except
    // deallocations of popped values, as in the interpreter.
    unsafe {
        if (*(*tstate).cframe).use_tracing != 0 {
            return TO_INTERPRETER;
        }
        if ffi::PyErr_Occurred().is_null() {
            ffi::PyErr_SetString(ffi::PyExc_SystemError, c"error return without exception set".as_ptr());
        }
        if traceback && !InterpreterFrame::is_incomplete(frame) {
            add_traceback_entry();
        }
        let keep = if level == NO_HANDLER { 0 } else { level };
        for i in (keep..depth).rev() {
            let v = *base.add(i as usize);
            if !v.is_null() {
                ffi::Py_DECREF(v);
            }
        }
        if level == NO_HANDLER {
            (*frame).stacktop = (*(*frame).f_code).co_nlocalsplus;
            return UNWOUND;
        }
        let mut top = level as usize;
        if lasti {
            loop {
                let first = CodeObject::first_instr((*frame).f_code);
                let offset = (*frame).prev_instr.offset_from(first);
                let value = ffi::PyLong_FromLong(offset as _);
                if !value.is_null() {
                    *base.add(top) = value;
                    top += 1;
                    break;
                }
                // The interpreter unwinds again, with the new exception.
            }
        }
        let (mut exc, mut val, mut tb) = (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
        ffi::PyErr_Fetch(&mut exc, &mut val, &mut tb);
        ffi::PyErr_NormalizeException(&mut exc, &mut val, &mut tb);
        ffi::PyException_SetTraceback(val, if tb.is_null() { ffi::Py_None() } else { tb });
        if !tb.is_null() {
            ffi::Py_DECREF(tb);
        }
        if !exc.is_null() {
            ffi::Py_DECREF(exc);
        }
        *base.add(top) = val;
        CAUGHT
    }
}

/// `PyTraceBack_Here` for the current frame, whose frame object is made
/// if needed (the pending exception is kept aside meanwhile).
unsafe fn add_traceback_entry() {
    // SAFETY: GIL held; the current frame is the raising one.
    unsafe {
        let (mut exc, mut val, mut tb) = (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
        ffi::PyErr_Fetch(&mut exc, &mut val, &mut tb);
        let f = ffi::PyEval_GetFrame();
        ffi::PyErr_Restore(exc, val, tb);
        if !f.is_null() {
            ffi::PyTraceBack_Here(f);
        }
    }
}

/// The thread's innermost handled-exception slot.
unsafe fn exc_info(tstate: *mut ThreadState) -> *mut ErrStackItem {
    // SAFETY: a live thread state always has an exc_info.
    unsafe { (*tstate).exc_info as *mut ErrStackItem }
}

op_helper! {
    /// PUSH_EXC_INFO: the exception becomes the one being handled; the one
    /// it replaces (or None) goes below it on the stack.
    fn push_exc_info(tstate, frame, sp, oparg) {
        let value = sp.peek(1);
        let info = exc_info(tstate);
        let previous = if (*info).exc_value.is_null() { super::new_ref(ffi::Py_None()) } else { (*info).exc_value };
        sp.set(1, previous);
        *sp.0 = super::new_ref(value);
        (*info).exc_value = value;
        0
    }
}

op_helper! {
    /// POP_EXCEPT: restores the exception handled before.
    fn pop_except(tstate, frame, sp, oparg) {
        let info = exc_info(tstate);
        let value = (*info).exc_value;
        (*info).exc_value = sp.peek(1);
        if !value.is_null() {
            ffi::Py_DECREF(value);
        }
        0
    }
}

/// Whether `o` is an exception class (`PyExceptionClass_Check`).
unsafe fn is_exception_class(o: Obj) -> bool {
    // SAFETY: a live object.
    unsafe { ffi::PyType_Check(o) != 0 && (*(o as *mut ffi::PyTypeObject)).tp_flags & ffi::Py_TPFLAGS_BASE_EXC_SUBCLASS != 0 }
}

op_helper! {
    /// CHECK_EXC_MATCH: `except T:` — pops T, pushes whether the exception
    /// below matches it. Error: depth - 1.
    fn check_exc_match(tstate, frame, sp, oparg) {
        let right = sp.peek(1);
        let left = sp.peek(2);
        let valid = if ffi::PyTuple_Check(right) != 0 {
            (0..ffi::PyTuple_GET_SIZE(right)).all(|i| is_exception_class(ffi::PyTuple_GET_ITEM(right, i)))
        } else {
            is_exception_class(right)
        };
        if !valid {
            ffi::PyErr_SetString(
                ffi::PyExc_TypeError,
                c"catching classes that do not inherit from BaseException is not allowed".as_ptr(),
            );
            ffi::Py_DECREF(right);
            return -1;
        }
        let res = ffi::PyErr_GivenExceptionMatches(left, right);
        ffi::Py_DECREF(right);
        sp.set(1, super::bool_ref(res != 0));
        0
    }
}

/// Returned by RERAISE and bare RAISE_VARARGS: the exception is set and
/// the frame unwinds without a new traceback entry.
pub const REUNWIND: c_int = -2;

op_helper! {
    /// RERAISE: re-raises the exception on top (restoring the raising
    /// instruction's offset from the stack when `oparg`). Returns
    /// [`REUNWIND`] at depth - 1, or -1 (a traceback entry is due) if the
    /// offset is not an int.
    fn reraise(tstate, frame, sp, oparg) {
        if oparg != 0 {
            let lasti = sp.peek(oparg as usize + 1);
            if ffi::PyLong_Check(lasti) == 0 {
                ffi::PyErr_SetString(ffi::PyExc_SystemError, c"lasti is not an int".as_ptr());
                return -1;
            }
            let first = CodeObject::first_instr((*frame).f_code);
            (*frame).prev_instr = first.offset(ffi::PyLong_AsLong(lasti) as isize);
        }
        let val = sp.peek(1);
        let exc = super::new_ref(ffi::Py_TYPE(val) as Obj);
        let tb = ffi::PyException_GetTraceback(val);
        ffi::PyErr_Restore(exc, val, tb);
        REUNWIND
    }
}

op_helper! {
    /// RAISE_VARARGS: `raise`, `raise exc`, `raise exc from cause`
    /// (`do_raise`). Returns [`REUNWIND`] for a bare `raise` that found an
    /// exception to re-raise, else -1; the depth is depth - oparg.
    fn raise_varargs(tstate, frame, sp, oparg) {
        match oparg {
            0 => do_reraise(tstate),
            1 => do_raise(sp.peek(1), std::ptr::null_mut()),
            2 => do_raise(sp.peek(2), sp.peek(1)),
            _ => {
                ffi::PyErr_SetString(ffi::PyExc_SystemError, c"bad RAISE_VARARGS oparg".as_ptr());
                -1
            }
        }
    }
}

/// A bare `raise`.
unsafe fn do_reraise(tstate: *mut ThreadState) -> c_int {
    // SAFETY: GIL held, the caller's thread state.
    unsafe {
        let info = api::_PyErr_GetTopmostException(tstate) as *mut ErrStackItem;
        let value = (*info).exc_value;
        if value.is_null() || value == ffi::Py_None() {
            ffi::PyErr_SetString(ffi::PyExc_RuntimeError, c"No active exception to reraise".as_ptr());
            return -1;
        }
        let tb = ffi::PyException_GetTraceback(value);
        ffi::PyErr_Restore(super::new_ref(ffi::Py_TYPE(value) as Obj), super::new_ref(value), tb);
        REUNWIND
    }
}

/// `raise exc [from cause]`; consumes both references.
unsafe fn do_raise(exc: Obj, cause: Obj) -> c_int {
    // SAFETY: GIL held, live objects whose references we own.
    unsafe {
        let value;
        let ty;
        if is_exception_class(exc) {
            value = ffi::PyObject_CallNoArgs(exc);
            ty = exc;
            if value.is_null() {
                return release_raise(std::ptr::null_mut(), ty, cause);
            }
            if ffi::PyExceptionInstance_Check(value) == 0 {
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"calling %R should have returned an instance of BaseException, not %R".as_ptr(),
                    ty,
                    ffi::Py_TYPE(value),
                );
                return release_raise(value, ty, cause);
            }
        } else if ffi::PyExceptionInstance_Check(exc) != 0 {
            value = exc;
            ty = super::new_ref(ffi::Py_TYPE(exc) as Obj);
        } else {
            ffi::Py_DECREF(exc);
            ffi::PyErr_SetString(ffi::PyExc_TypeError, c"exceptions must derive from BaseException".as_ptr());
            return release_raise(std::ptr::null_mut(), std::ptr::null_mut(), cause);
        }
        if !cause.is_null() {
            let fixed = if is_exception_class(cause) {
                let c = ffi::PyObject_CallNoArgs(cause);
                if c.is_null() {
                    return release_raise(value, ty, cause);
                }
                ffi::Py_DECREF(cause);
                c
            } else if ffi::PyExceptionInstance_Check(cause) != 0 {
                cause
            } else if cause == ffi::Py_None() {
                ffi::Py_DECREF(cause);
                std::ptr::null_mut()
            } else {
                ffi::PyErr_SetString(ffi::PyExc_TypeError, c"exception causes must derive from BaseException".as_ptr());
                return release_raise(value, ty, cause);
            };
            ffi::PyException_SetCause(value, fixed);
        }
        ffi::PyErr_SetObject(ty, value);
        ffi::Py_DECREF(value);
        ffi::Py_DECREF(ty);
        -1
    }
}

/// `raise_error:` of `do_raise`.
unsafe fn release_raise(value: Obj, ty: Obj, cause: Obj) -> c_int {
    // SAFETY: owned references or NULL.
    unsafe {
        for o in [value, ty, cause] {
            if !o.is_null() {
                ffi::Py_DECREF(o);
            }
        }
    }
    -1
}

op_helper! {
    /// WITH_EXCEPT_START: calls `__exit__(type, value, traceback)` for the
    /// exception on top and pushes the result. Error: same depth.
    fn with_except_start(tstate, frame, sp, oparg) {
        let val = sp.peek(1);
        let exc = ffi::Py_TYPE(val) as Obj;
        let tb = ffi::PyException_GetTraceback(val);
        if !tb.is_null() {
            ffi::Py_DECREF(tb);
        }
        let exit_func = sp.peek(4);
        let mut stack = [std::ptr::null_mut(), exc, val, tb];
        let res = ffi::PyObject_Vectorcall(exit_func, stack.as_mut_ptr().add(1), 3 | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET, std::ptr::null_mut());
        if res.is_null() {
            return -1;
        }
        *sp.0 = res;
        0
    }
}
