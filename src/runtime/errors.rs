//! The interpreter's error formatting for names (`format_exc_check_arg`,
//! `format_exc_unbound`), ported from Python/ceval.c.

use super::{code_of, Obj};
use crate::cpython::layout::InterpreterFrame;
use pyo3::ffi;
use std::ffi::CStr;

pub const NAME_ERROR_MSG: &CStr = c"name '%.200s' is not defined";
pub const UNBOUNDLOCAL_ERROR_MSG: &CStr =
    c"cannot access local variable '%s' where it is not associated with a value";
pub const UNBOUNDFREE_ERROR_MSG: &CStr =
    c"cannot access free variable '%s' where it is not associated with a value in enclosing scope";

/// Raises `exc` with `format` applied to the name `obj`; a `NameError`
/// also records the name, for "Did you mean" suggestions.
///
/// # Safety
/// GIL held; `exc` an exception type, `obj` a str or NULL.
pub unsafe fn format_exc_check_arg(exc: Obj, format: &CStr, obj: Obj) {
    if obj.is_null() {
        return;
    }
    // SAFETY: GIL held; all pointers are live objects or checked for NULL.
    unsafe {
        let s = ffi::PyUnicode_AsUTF8(obj);
        if s.is_null() {
            return;
        }
        ffi::PyErr_Format(exc, format.as_ptr(), s);
        if exc == ffi::PyExc_NameError {
            let (mut t, mut v, mut tb) = (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
            ffi::PyErr_Fetch(&mut t, &mut v, &mut tb);
            ffi::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
            if ffi::PyErr_GivenExceptionMatches(v, ffi::PyExc_NameError) != 0 {
                let current = ffi::PyObject_GetAttrString(v, c"name".as_ptr());
                if current.is_null() {
                    ffi::PyErr_Clear();
                } else {
                    if current == ffi::Py_None() && ffi::PyObject_SetAttrString(v, c"name".as_ptr(), obj) < 0 {
                        ffi::PyErr_Clear();
                    }
                    ffi::Py_DECREF(current);
                }
            }
            ffi::PyErr_Restore(t, v, tb);
        }
    }
}

/// The error for reading an unbound local, cell or free variable.
///
/// # Safety
/// GIL held, live frame, `oparg < co_nlocalsplus`.
pub unsafe fn format_exc_unbound(frame: *mut InterpreterFrame, oparg: u32) {
    // SAFETY: as above.
    unsafe {
        if !ffi::PyErr_Occurred().is_null() {
            return;
        }
        let co = code_of(frame);
        let name = ffi::PyTuple_GET_ITEM((*co).co_localsplusnames, oparg as ffi::Py_ssize_t);
        if (oparg as i32) < (*co).co_nplaincellvars + (*co).co_nlocals {
            format_exc_check_arg(ffi::PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name);
        } else {
            format_exc_check_arg(ffi::PyExc_NameError, UNBOUNDFREE_ERROR_MSG, name);
        }
    }
}

super::op_helper! {
    /// `unbound_local_error:` for `LOAD_FAST`/`LOAD_CLOSURE`/`DELETE_FAST`.
    fn unbound_local(tstate, frame, sp, oparg) {
        let co = code_of(frame);
        let name = ffi::PyTuple_GetItem((*co).co_localsplusnames, oparg as ffi::Py_ssize_t);
        if name.is_null() {
            return -1;
        }
        format_exc_check_arg(ffi::PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name);
        -1
    }
}
