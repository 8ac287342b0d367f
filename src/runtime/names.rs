//! Name and variable access: globals, builtins, class and module namespaces,
//! cells, and imports.

use super::errors::{format_exc_check_arg, format_exc_unbound, NAME_ERROR_MSG};
use super::{local, name, new_ref, op_helper, Obj};
use crate::cpython::api;
use pyo3::ffi;
use std::ffi::CStr;

/// An interned string (new reference), for the interpreter's `_Py_ID`s.
unsafe fn interned(s: &CStr) -> Obj {
    // SAFETY: GIL held by the caller.
    unsafe { ffi::PyUnicode_InternFromString(s.as_ptr()) }
}

/// `GLOBALS()[name]`, then `BUILTINS()[name]`, as LOAD_GLOBAL does.
/// Returns a new reference, or NULL with an exception set.
unsafe fn load_global(globals: Obj, builtins: Obj, name: Obj) -> Obj {
    // SAFETY: live namespaces and name, GIL held.
    unsafe {
        if ffi::PyDict_CheckExact(globals) != 0 && ffi::PyDict_CheckExact(builtins) != 0 {
            let mut v = ffi::PyDict_GetItemWithError(globals, name);
            if v.is_null() && ffi::PyErr_Occurred().is_null() {
                v = ffi::PyDict_GetItemWithError(builtins, name);
            }
            if v.is_null() {
                if ffi::PyErr_Occurred().is_null() {
                    format_exc_check_arg(ffi::PyExc_NameError, NAME_ERROR_MSG, name);
                }
                return std::ptr::null_mut();
            }
            return new_ref(v);
        }
        let v = ffi::PyObject_GetItem(globals, name);
        if !v.is_null() {
            return v;
        }
        if ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) == 0 {
            return std::ptr::null_mut();
        }
        ffi::PyErr_Clear();
        let v = ffi::PyObject_GetItem(builtins, name);
        if v.is_null() && ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) != 0 {
            format_exc_check_arg(ffi::PyExc_NameError, NAME_ERROR_MSG, name);
        }
        v
    }
}

op_helper! {
    /// LOAD_GLOBAL: pushes NULL first when `oparg & 1`. Error: same depth.
    fn load_global_op(tstate, frame, sp, oparg) {
        let push_null = (oparg & 1) as usize;
        *sp.0 = std::ptr::null_mut();
        let v = load_global((*frame).f_globals, (*frame).f_builtins, name(frame, oparg >> 1));
        if v.is_null() {
            return -1;
        }
        *sp.0.add(push_null) = v;
        0
    }
}

op_helper! {
    /// STORE_GLOBAL. Error: depth - 1.
    fn store_global(tstate, frame, sp, oparg) {
        let v = sp.peek(1);
        let err = ffi::PyDict_SetItem((*frame).f_globals, name(frame, oparg), v);
        ffi::Py_DECREF(v);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// DELETE_GLOBAL. Error: same depth.
    fn delete_global(tstate, frame, sp, oparg) {
        let name = name(frame, oparg);
        if ffi::PyDict_DelItem((*frame).f_globals, name) != 0 {
            if ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) != 0 {
                format_exc_check_arg(ffi::PyExc_NameError, NAME_ERROR_MSG, name);
            }
            return -1;
        }
        0
    }
}

/// Looks `name` up in a locals mapping: a new reference, or NULL with no
/// exception when absent, or NULL with an exception.
unsafe fn mapping_lookup(locals: Obj, name: Obj) -> Obj {
    // SAFETY: live objects, GIL held.
    unsafe {
        if ffi::PyDict_CheckExact(locals) != 0 {
            let v = ffi::PyDict_GetItemWithError(locals, name);
            return if v.is_null() { v } else { new_ref(v) };
        }
        let v = ffi::PyObject_GetItem(locals, name);
        if v.is_null() && ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) != 0 {
            ffi::PyErr_Clear();
        }
        v
    }
}

op_helper! {
    /// LOAD_NAME. Error: same depth.
    fn load_name(tstate, frame, sp, oparg) {
        let name = name(frame, oparg);
        let locals = (*frame).f_locals;
        if locals.is_null() {
            ffi::PyErr_Format(ffi::PyExc_SystemError, c"no locals when loading %R".as_ptr(), name);
            return -1;
        }
        let mut v = mapping_lookup(locals, name);
        if v.is_null() {
            if !ffi::PyErr_Occurred().is_null() {
                return -1;
            }
            v = ffi::PyDict_GetItemWithError((*frame).f_globals, name);
            if !v.is_null() {
                ffi::Py_INCREF(v);
            } else if !ffi::PyErr_Occurred().is_null() {
                return -1;
            } else {
                let builtins = (*frame).f_builtins;
                if ffi::PyDict_CheckExact(builtins) != 0 {
                    v = ffi::PyDict_GetItemWithError(builtins, name);
                    if v.is_null() {
                        if ffi::PyErr_Occurred().is_null() {
                            format_exc_check_arg(ffi::PyExc_NameError, NAME_ERROR_MSG, name);
                        }
                        return -1;
                    }
                    ffi::Py_INCREF(v);
                } else {
                    v = ffi::PyObject_GetItem(builtins, name);
                    if v.is_null() {
                        if ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) != 0 {
                            format_exc_check_arg(ffi::PyExc_NameError, NAME_ERROR_MSG, name);
                        }
                        return -1;
                    }
                }
            }
        }
        *sp.0 = v;
        0
    }
}

op_helper! {
    /// STORE_NAME. Error: depth - 1.
    fn store_name(tstate, frame, sp, oparg) {
        let name = name(frame, oparg);
        let v = sp.peek(1);
        let ns = (*frame).f_locals;
        if ns.is_null() {
            ffi::PyErr_Format(ffi::PyExc_SystemError, c"no locals found when storing %R".as_ptr(), name);
            ffi::Py_DECREF(v);
            return -1;
        }
        let err = if ffi::PyDict_CheckExact(ns) != 0 {
            ffi::PyDict_SetItem(ns, name, v)
        } else {
            ffi::PyObject_SetItem(ns, name, v)
        };
        ffi::Py_DECREF(v);
        if err != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// DELETE_NAME. Error: same depth.
    fn delete_name(tstate, frame, sp, oparg) {
        let name = name(frame, oparg);
        let ns = (*frame).f_locals;
        if ns.is_null() {
            ffi::PyErr_Format(ffi::PyExc_SystemError, c"no locals when deleting %R".as_ptr(), name);
            return -1;
        }
        if ffi::PyObject_DelItem(ns, name) != 0 {
            format_exc_check_arg(ffi::PyExc_NameError, NAME_ERROR_MSG, name);
            return -1;
        }
        0
    }
}

/// `PyCell_GET` / `PyCell_SET` on a cell in the frame.
unsafe fn cell_ref(frame: *mut crate::cpython::layout::InterpreterFrame, i: u32) -> *mut Obj {
    // SAFETY: slot `i` of a frame past MAKE_CELL/COPY_FREE_VARS holds a cell.
    unsafe {
        let cell = *local(frame, i) as *mut ffi::PyCellObject;
        std::ptr::addr_of_mut!((*cell).ob_ref)
    }
}

op_helper! {
    /// LOAD_DEREF. Error: same depth.
    fn load_deref(tstate, frame, sp, oparg) {
        let value = *cell_ref(frame, oparg);
        if value.is_null() {
            format_exc_unbound(frame, oparg);
            return -1;
        }
        *sp.0 = new_ref(value);
        0
    }
}

op_helper! {
    /// STORE_DEREF (cannot fail).
    fn store_deref(tstate, frame, sp, oparg) {
        let slot = cell_ref(frame, oparg);
        let old = *slot;
        *slot = sp.peek(1);
        ffi::Py_XDECREF(old);
        0
    }
}

op_helper! {
    /// DELETE_DEREF. Error: same depth.
    fn delete_deref(tstate, frame, sp, oparg) {
        let slot = cell_ref(frame, oparg);
        let old = *slot;
        if old.is_null() {
            format_exc_unbound(frame, oparg);
            return -1;
        }
        *slot = std::ptr::null_mut();
        ffi::Py_DECREF(old);
        0
    }
}

op_helper! {
    /// LOAD_CLASSDEREF (class bodies reading an enclosing function's
    /// variable). Error: same depth.
    fn load_classderef(tstate, frame, sp, oparg) {
        let locals = (*frame).f_locals;
        let co = (*frame).f_code;
        let name = ffi::PyTuple_GET_ITEM((*co).co_localsplusnames, oparg as ffi::Py_ssize_t);
        let mut value = mapping_lookup(locals, name);
        if value.is_null() {
            if !ffi::PyErr_Occurred().is_null() {
                return -1;
            }
            value = *cell_ref(frame, oparg);
            if value.is_null() {
                format_exc_unbound(frame, oparg);
                return -1;
            }
            ffi::Py_INCREF(value);
        }
        *sp.0 = value;
        0
    }
}

op_helper! {
    /// MAKE_CELL: wraps local `oparg` in a new cell. Error: same depth
    /// (the frame is still incomplete, as in the interpreter).
    fn make_cell(tstate, frame, sp, oparg) {
        let slot = local(frame, oparg);
        let initial = *slot;
        let cell = ffi::PyCell_New(initial);
        if cell.is_null() {
            return -1;
        }
        *slot = cell;
        ffi::Py_XDECREF(initial);
        0
    }
}

op_helper! {
    /// COPY_FREE_VARS: the function's closure cells into the frame.
    fn copy_free_vars(tstate, frame, sp, oparg) {
        let co = (*frame).f_code;
        let closure = (*(*frame).f_func).func_closure;
        let offset = ((*co).co_nlocals + (*co).co_nplaincellvars) as u32;
        for i in 0..oparg {
            let o = ffi::PyTuple_GET_ITEM(closure, i as ffi::Py_ssize_t);
            *local(frame, offset + i) = new_ref(o);
        }
        0
    }
}

op_helper! {
    /// LOAD_BUILD_CLASS. Error: same depth.
    fn load_build_class(tstate, frame, sp, oparg) {
        let builtins = (*frame).f_builtins;
        let key = interned(c"__build_class__");
        if key.is_null() {
            return -1;
        }
        let bc = if ffi::PyDict_CheckExact(builtins) != 0 {
            let bc = api::_PyDict_GetItemWithError(builtins, key);
            if bc.is_null() {
                if ffi::PyErr_Occurred().is_null() {
                    ffi::PyErr_SetString(ffi::PyExc_NameError, c"__build_class__ not found".as_ptr());
                }
                std::ptr::null_mut()
            } else {
                new_ref(bc)
            }
        } else {
            let bc = ffi::PyObject_GetItem(builtins, key);
            if bc.is_null() && ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) != 0 {
                ffi::PyErr_SetString(ffi::PyExc_NameError, c"__build_class__ not found".as_ptr());
            }
            bc
        };
        ffi::Py_DECREF(key);
        if bc.is_null() {
            return -1;
        }
        *sp.0 = bc;
        0
    }
}

op_helper! {
    /// SETUP_ANNOTATIONS: `__annotations__ = {}` in the namespace if absent.
    fn setup_annotations(tstate, frame, sp, oparg) {
        let locals = (*frame).f_locals;
        if locals.is_null() {
            ffi::PyErr_Format(ffi::PyExc_SystemError, c"no locals found when setting up annotations".as_ptr());
            return -1;
        }
        let key = interned(c"__annotations__");
        if key.is_null() {
            return -1;
        }
        let rc = if ffi::PyDict_CheckExact(locals) != 0 {
            let ann = api::_PyDict_GetItemWithError(locals, key);
            if !ann.is_null() {
                0
            } else if !ffi::PyErr_Occurred().is_null() {
                -1
            } else {
                let d = ffi::PyDict_New();
                let err = if d.is_null() { -1 } else { ffi::PyDict_SetItem(locals, key, d) };
                ffi::Py_XDECREF(d);
                err
            }
        } else {
            let ann = ffi::PyObject_GetItem(locals, key);
            if !ann.is_null() {
                ffi::Py_DECREF(ann);
                0
            } else if ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) == 0 {
                -1
            } else {
                ffi::PyErr_Clear();
                let d = ffi::PyDict_New();
                let err = if d.is_null() { -1 } else { ffi::PyObject_SetItem(locals, key, d) };
                ffi::Py_XDECREF(d);
                err
            }
        };
        ffi::Py_DECREF(key);
        if rc != 0 { -1 } else { 0 }
    }
}

op_helper! {
    /// IMPORT_NAME: `__import__(name, globals, locals, fromlist, level)`.
    /// Error: depth - 1, top NULL.
    fn import_name(tstate, frame, sp, oparg) {
        let name = name(frame, oparg);
        let fromlist = sp.peek(1);
        let level = sp.peek(2);
        let key = interned(c"__import__");
        let import_func = if key.is_null() { key } else { api::_PyDict_GetItemWithError((*frame).f_builtins, key) };
        ffi::Py_XDECREF(key);
        let res = if import_func.is_null() {
            if ffi::PyErr_Occurred().is_null() {
                ffi::PyErr_SetString(ffi::PyExc_ImportError, c"__import__ not found".as_ptr());
            }
            std::ptr::null_mut()
        } else {
            ffi::Py_INCREF(import_func);
            let locals = if (*frame).f_locals.is_null() { ffi::Py_None() } else { (*frame).f_locals };
            let args = [name, (*frame).f_globals, locals, fromlist, level];
            let res = ffi::PyObject_Vectorcall(import_func, args.as_ptr(), 5, std::ptr::null_mut());
            ffi::Py_DECREF(import_func);
            res
        };
        ffi::Py_DECREF(level);
        ffi::Py_DECREF(fromlist);
        sp.set(2, res);
        if res.is_null() { -1 } else { 0 }
    }
}

op_helper! {
    /// IMPORT_FROM: pushes `getattr(module, name)` with the interpreter's
    /// fallbacks and messages. Error: depth + 1, top NULL.
    fn import_from(tstate, frame, sp, oparg) {
        let res = import_from_impl(sp.peek(1), name(frame, oparg));
        *sp.0 = res;
        if res.is_null() { -1 } else { 0 }
    }
}

unsafe fn import_from_impl(v: Obj, name: Obj) -> Obj {
    // SAFETY: live module object and name, GIL held.
    unsafe {
        let mut x = std::ptr::null_mut();
        if api::_PyObject_LookupAttr(v, name, &mut x) != 0 {
            return x;
        }
        let mut pkgname = ffi::PyObject_GetAttrString(v, c"__name__".as_ptr());
        if !pkgname.is_null() && ffi::PyUnicode_Check(pkgname) == 0 {
            ffi::Py_DECREF(pkgname);
            pkgname = std::ptr::null_mut();
        } else if !pkgname.is_null() {
            let fullmodname = ffi::PyUnicode_FromFormat(c"%U.%U".as_ptr(), pkgname, name);
            if fullmodname.is_null() {
                ffi::Py_DECREF(pkgname);
                return std::ptr::null_mut();
            }
            let x = ffi::PyImport_GetModule(fullmodname);
            ffi::Py_DECREF(fullmodname);
            if !x.is_null() || !ffi::PyErr_Occurred().is_null() {
                ffi::Py_DECREF(pkgname);
                return x;
            }
        }
        // error:
        let pkgpath = ffi::PyModule_GetFilenameObject(v);
        let pkgname_or_unknown = if pkgname.is_null() {
            let u = ffi::PyUnicode_FromString(c"<unknown module name>".as_ptr());
            if u.is_null() {
                ffi::Py_XDECREF(pkgpath);
                return std::ptr::null_mut();
            }
            u
        } else {
            pkgname
        };
        let errmsg;
        if pkgpath.is_null() || ffi::PyUnicode_Check(pkgpath) == 0 {
            ffi::PyErr_Clear();
            errmsg = ffi::PyUnicode_FromFormat(
                c"cannot import name %R from %R (unknown location)".as_ptr(),
                name,
                pkgname_or_unknown,
            );
            ffi::PyErr_SetImportError(errmsg, pkgname, std::ptr::null_mut());
        } else {
            let spec = ffi::PyObject_GetAttrString(v, c"__spec__".as_ptr());
            let initializing = api::_PyModuleSpec_IsInitializing(spec) != 0;
            ffi::Py_XDECREF(spec);
            let fmt = if initializing {
                c"cannot import name %R from partially initialized module %R (most likely due to a circular import) (%S)"
            } else {
                c"cannot import name %R from %R (%S)"
            };
            errmsg = ffi::PyUnicode_FromFormat(fmt.as_ptr(), name, pkgname_or_unknown, pkgpath);
            ffi::PyErr_SetImportError(errmsg, pkgname, pkgpath);
        }
        ffi::Py_XDECREF(errmsg);
        ffi::Py_XDECREF(pkgname_or_unknown);
        ffi::Py_XDECREF(pkgpath);
        std::ptr::null_mut()
    }
}
