//! Structural pattern matching (`match`): GET_LEN, MATCH_MAPPING,
//! MATCH_SEQUENCE, MATCH_KEYS, MATCH_CLASS.

use super::{bool_ref, new_ref, op_helper, Obj};
use crate::cpython::api;
use pyo3::ffi;

/// `_Py_TPFLAGS_MATCH_SELF` (Include/object.h): builtins like int match
/// a single positional sub-pattern against themselves.
const TPFLAGS_MATCH_SELF: std::os::raw::c_ulong = 1 << 22;

op_helper! {
    /// GET_LEN: pushes `len(TOS)`. Error: same depth.
    fn get_len(tstate, frame, sp, oparg) {
        let len = ffi::PyObject_Length(sp.peek(1));
        if len < 0 {
            return -1;
        }
        let o = ffi::PyLong_FromSsize_t(len);
        if o.is_null() {
            return -1;
        }
        *sp.0 = o;
        0
    }
}

op_helper! {
    /// MATCH_MAPPING (`oparg` 0) and MATCH_SEQUENCE (`oparg` 1): pushes
    /// whether the subject's type has the flag.
    fn match_flag(tstate, frame, sp, oparg) {
        let flag = if oparg == 0 { ffi::Py_TPFLAGS_MAPPING } else { ffi::Py_TPFLAGS_SEQUENCE };
        *sp.0 = bool_ref((*ffi::Py_TYPE(sp.peek(1))).tp_flags & flag != 0);
        0
    }
}

/// `match_keys`: a tuple of the values for `keys` in `map`, None if one
/// is missing, NULL on error.
unsafe fn match_keys(map: Obj, keys: Obj) -> Obj {
    // SAFETY: live objects, GIL held.
    unsafe {
        let nkeys = ffi::PyTuple_GET_SIZE(keys);
        if nkeys == 0 {
            return ffi::PyTuple_New(0);
        }
        let mut get = std::ptr::null_mut();
        let mut seen = std::ptr::null_mut();
        let mut dummy = std::ptr::null_mut();
        let mut values = std::ptr::null_mut();
        let get_name = ffi::PyUnicode_InternFromString(c"get".as_ptr());
        let meth_found = if get_name.is_null() { 0 } else { api::_PyObject_GetMethod(map, get_name, &mut get) };
        ffi::Py_XDECREF(get_name);
        let result = 'body: {
            if get.is_null() {
                break 'body std::ptr::null_mut();
            }
            seen = ffi::PySet_New(std::ptr::null_mut());
            if seen.is_null() {
                break 'body std::ptr::null_mut();
            }
            dummy = ffi::PyObject_CallNoArgs(std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) as Obj);
            if dummy.is_null() {
                break 'body std::ptr::null_mut();
            }
            values = ffi::PyTuple_New(nkeys);
            if values.is_null() {
                break 'body std::ptr::null_mut();
            }
            for i in 0..nkeys {
                let key = ffi::PyTuple_GET_ITEM(keys, i);
                if ffi::PySet_Contains(seen, key) != 0 || ffi::PySet_Add(seen, key) != 0 {
                    if ffi::PyErr_Occurred().is_null() {
                        ffi::PyErr_Format(ffi::PyExc_ValueError, c"mapping pattern checks duplicate key (%R)".as_ptr(), key);
                    }
                    break 'body std::ptr::null_mut();
                }
                let args = [map, key, dummy];
                let value = if meth_found != 0 {
                    ffi::PyObject_Vectorcall(get, args.as_ptr(), 3, std::ptr::null_mut())
                } else {
                    ffi::PyObject_Vectorcall(get, args.as_ptr().add(1), 2, std::ptr::null_mut())
                };
                if value.is_null() {
                    break 'body std::ptr::null_mut();
                }
                if value == dummy {
                    ffi::Py_DECREF(value);
                    ffi::Py_DECREF(values);
                    values = std::ptr::null_mut();
                    break 'body new_ref(ffi::Py_None());
                }
                ffi::PyTuple_SET_ITEM(values, i, value);
            }
            std::mem::replace(&mut values, std::ptr::null_mut())
        };
        ffi::Py_XDECREF(get);
        ffi::Py_XDECREF(seen);
        ffi::Py_XDECREF(dummy);
        ffi::Py_XDECREF(values);
        result
    }
}

op_helper! {
    /// MATCH_KEYS: pushes the values tuple or None. Error: same depth.
    fn match_keys_op(tstate, frame, sp, oparg) {
        let values = match_keys(sp.peek(2), sp.peek(1));
        if values.is_null() {
            return -1;
        }
        *sp.0 = values;
        0
    }
}

/// `match_class_attr`: `getattr(subject, name)` for a class pattern,
/// rejecting repeated names. NULL without an exception means "absent".
unsafe fn match_class_attr(subject: Obj, ty: Obj, name: Obj, seen: Obj) -> Obj {
    // SAFETY: live objects, GIL held.
    unsafe {
        if ffi::PySet_Contains(seen, name) != 0 || ffi::PySet_Add(seen, name) != 0 {
            if ffi::PyErr_Occurred().is_null() {
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"%s() got multiple sub-patterns for attribute %R".as_ptr(),
                    (*(ty as *mut ffi::PyTypeObject)).tp_name,
                    name,
                );
            }
            return std::ptr::null_mut();
        }
        let attr = ffi::PyObject_GetAttr(subject, name);
        if attr.is_null() && ffi::PyErr_ExceptionMatches(ffi::PyExc_AttributeError) != 0 {
            ffi::PyErr_Clear();
        }
        attr
    }
}

/// `match_class`: a tuple of extracted attributes on a match, NULL on no
/// match (no exception) or error.
unsafe fn match_class(subject: Obj, ty: Obj, nargs: usize, kwargs: Obj) -> Obj {
    // SAFETY: live objects, GIL held.
    unsafe {
        if ffi::PyType_Check(ty) == 0 {
            ffi::PyErr_SetString(ffi::PyExc_TypeError, c"called match pattern must be a type".as_ptr());
            return std::ptr::null_mut();
        }
        if ffi::PyObject_IsInstance(subject, ty) <= 0 {
            return std::ptr::null_mut();
        }
        let tp_name = (*(ty as *mut ffi::PyTypeObject)).tp_name;
        let seen = ffi::PySet_New(std::ptr::null_mut());
        if seen.is_null() {
            return std::ptr::null_mut();
        }
        let attrs = ffi::PyList_New(0);
        if attrs.is_null() {
            ffi::Py_DECREF(seen);
            return std::ptr::null_mut();
        }
        let mut match_args = std::ptr::null_mut();
        let ok = 'body: {
            if nargs > 0 {
                let mut match_self = false;
                match_args = ffi::PyObject_GetAttrString(ty, c"__match_args__".as_ptr());
                if !match_args.is_null() {
                    if ffi::PyTuple_CheckExact(match_args) == 0 {
                        ffi::PyErr_Format(
                            ffi::PyExc_TypeError,
                            c"%s.__match_args__ must be a tuple (got %s)".as_ptr(),
                            tp_name,
                            (*ffi::Py_TYPE(match_args)).tp_name,
                        );
                        break 'body false;
                    }
                } else if ffi::PyErr_ExceptionMatches(ffi::PyExc_AttributeError) != 0 {
                    ffi::PyErr_Clear();
                    match_args = ffi::PyTuple_New(0);
                    match_self = (*(ty as *mut ffi::PyTypeObject)).tp_flags & TPFLAGS_MATCH_SELF != 0;
                } else {
                    break 'body false;
                }
                let allowed = if match_self { 1 } else { ffi::PyTuple_GET_SIZE(match_args) as usize };
                if allowed < nargs {
                    let plural = if allowed == 1 { c"" } else { c"s" };
                    ffi::PyErr_Format(
                        ffi::PyExc_TypeError,
                        c"%s() accepts %d positional sub-pattern%s (%d given)".as_ptr(),
                        tp_name,
                        allowed as i32,
                        plural.as_ptr(),
                        nargs as i32,
                    );
                    break 'body false;
                }
                if match_self {
                    ffi::PyList_Append(attrs, subject);
                } else {
                    for i in 0..nargs {
                        let name = ffi::PyTuple_GET_ITEM(match_args, i as ffi::Py_ssize_t);
                        if ffi::PyUnicode_CheckExact(name) == 0 {
                            ffi::PyErr_Format(
                                ffi::PyExc_TypeError,
                                c"__match_args__ elements must be strings (got %s)".as_ptr(),
                                (*ffi::Py_TYPE(name)).tp_name,
                            );
                            break 'body false;
                        }
                        let attr = match_class_attr(subject, ty, name, seen);
                        if attr.is_null() {
                            break 'body false;
                        }
                        ffi::PyList_Append(attrs, attr);
                        ffi::Py_DECREF(attr);
                    }
                }
                ffi::Py_DECREF(match_args);
                match_args = std::ptr::null_mut();
            }
            for i in 0..ffi::PyTuple_GET_SIZE(kwargs) {
                let name = ffi::PyTuple_GET_ITEM(kwargs, i);
                let attr = match_class_attr(subject, ty, name, seen);
                if attr.is_null() {
                    break 'body false;
                }
                ffi::PyList_Append(attrs, attr);
                ffi::Py_DECREF(attr);
            }
            true
        };
        ffi::Py_XDECREF(match_args);
        ffi::Py_DECREF(seen);
        if !ok {
            ffi::Py_DECREF(attrs);
            return std::ptr::null_mut();
        }
        let tuple = ffi::PyList_AsTuple(attrs);
        ffi::Py_DECREF(attrs);
        tuple
    }
}

op_helper! {
    /// MATCH_CLASS: replaces the subject with the attributes tuple or None.
    /// Error: depth - 2.
    fn match_class_op(tstate, frame, sp, oparg) {
        let names = sp.peek(1);
        let ty = sp.peek(2);
        let subject = sp.peek(3);
        let attrs = match_class(subject, ty, oparg as usize, names);
        ffi::Py_DECREF(names);
        ffi::Py_DECREF(ty);
        let result = if !attrs.is_null() {
            attrs
        } else if !ffi::PyErr_Occurred().is_null() {
            return -1;
        } else {
            new_ref(ffi::Py_None())
        };
        sp.set(3, result);
        ffi::Py_DECREF(subject);
        0
    }
}
