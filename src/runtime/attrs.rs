//! Attribute access and method lookup.

use super::{name, op_helper};
use crate::cpython::api;
use pyo3::ffi;

op_helper! {
    /// LOAD_ATTR. Error: same depth (the owner stays on the stack).
    fn load_attr(tstate, frame, sp, oparg) {
        let owner = sp.peek(1);
        let res = ffi::PyObject_GetAttr(owner, name(frame, oparg));
        if res.is_null() {
            return -1;
        }
        ffi::Py_DECREF(owner);
        sp.set(1, res);
        0
    }
}

op_helper! {
    /// STORE_ATTR: `owner.name = v`. Error: depth - 2.
    fn store_attr(tstate, frame, sp, oparg) {
        let owner = sp.peek(1);
        let v = sp.peek(2);
        let err = ffi::PyObject_SetAttr(owner, name(frame, oparg), v);
        ffi::Py_DECREF(v);
        ffi::Py_DECREF(owner);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// DELETE_ATTR. Error: depth - 1.
    fn delete_attr(tstate, frame, sp, oparg) {
        let owner = sp.peek(1);
        let err = ffi::PyObject_SetAttr(owner, name(frame, oparg), std::ptr::null_mut());
        ffi::Py_DECREF(owner);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// LOAD_METHOD: leaves `[meth, self]` for a method found on the type,
    /// or `[NULL, attr]` otherwise. Error: same depth (obj stays).
    fn load_method(tstate, frame, sp, oparg) {
        let obj = sp.peek(1);
        let mut meth = std::ptr::null_mut();
        let found = api::_PyObject_GetMethod(obj, name(frame, oparg), &mut meth);
        if meth.is_null() {
            return -1;
        }
        if found != 0 {
            sp.set(1, meth);
            *sp.0 = obj;
        } else {
            sp.set(1, std::ptr::null_mut());
            ffi::Py_DECREF(obj);
            *sp.0 = meth;
        }
        0
    }
}
