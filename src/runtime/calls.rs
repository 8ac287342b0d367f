//! Calls, function creation and `with`.

use super::{new_ref, op_helper, Obj, Sp};
use crate::cpython::api;
use crate::cpython::layout::{InterpreterFrame, MethodObject, ThreadState};
use pyo3::ffi;
use std::os::raw::c_int;

/// PRECALL + CALL (with the keyword names KW_NAMES set, or NULL): calls
/// the callable below `oparg` arguments (and `self`, for methods) and
/// leaves the result in the callable's lowest slot. Error: that slot is
/// NULL and the depth is `depth - oparg - 1`.
///
/// # Safety
/// Called from native code with the GIL held and the call's stack in place.
pub unsafe extern "C" fn call(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    sp: *mut Obj,
    oparg: u32,
    kwnames: Obj,
) -> c_int {
    let _ = (tstate, frame);
    let sp = Sp(sp);
    super::guard("call", -1, || {
        // SAFETY: the stack holds [NULL or method, callable or self, args...].
        unsafe {
            let n = oparg as usize;
            let mut is_meth = !sp.peek(n + 2).is_null();
            let callable = sp.peek(n + 1);
            if !is_meth && ffi::Py_TYPE(callable) == std::ptr::addr_of_mut!(api::PyMethod_Type) {
                let m = callable as *mut MethodObject;
                sp.set(n + 1, new_ref((*m).im_self));
                sp.set(n + 2, new_ref((*m).im_func));
                ffi::Py_DECREF(callable);
                is_meth = true;
            }
            let total = n + is_meth as usize;
            let function = sp.peek(total + 1);
            let nkw = if kwnames.is_null() { 0 } else { ffi::PyTuple_GET_SIZE(kwnames) as usize };
            let positional = total - nkw;
            let res = ffi::PyObject_Vectorcall(
                function,
                sp.slot(total),
                positional | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET,
                kwnames,
            );
            ffi::Py_DECREF(function);
            for i in 1..=total {
                ffi::Py_DECREF(sp.peek(i));
            }
            sp.set(n + 2, res);
            if res.is_null() { -1 } else { 0 }
        }
    })
}

/// `format_kwargs_error`: a clearer message when `**kwargs` is not a
/// mapping or repeats a keyword.
///
/// # Safety
/// GIL held, an exception set, live `func` and `kwargs`.
pub unsafe fn format_kwargs_error(func: Obj, kwargs: Obj) {
    // SAFETY: as above.
    unsafe {
        if ffi::PyErr_ExceptionMatches(ffi::PyExc_AttributeError) != 0 {
            ffi::PyErr_Clear();
            let funcstr = api::_PyObject_FunctionStr(func);
            if !funcstr.is_null() {
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"%U argument after ** must be a mapping, not %.200s".as_ptr(),
                    funcstr,
                    (*ffi::Py_TYPE(kwargs)).tp_name,
                );
                ffi::Py_DECREF(funcstr);
            }
        } else if ffi::PyErr_ExceptionMatches(ffi::PyExc_KeyError) != 0 {
            let (mut exc, mut val, mut tb) = (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
            ffi::PyErr_Fetch(&mut exc, &mut val, &mut tb);
            if !val.is_null() && ffi::PyTuple_Check(val) != 0 && ffi::PyTuple_GET_SIZE(val) == 1 {
                let funcstr = api::_PyObject_FunctionStr(func);
                if !funcstr.is_null() {
                    let key = ffi::PyTuple_GET_ITEM(val, 0);
                    ffi::PyErr_Format(
                        ffi::PyExc_TypeError,
                        c"%U got multiple values for keyword argument '%S'".as_ptr(),
                        funcstr,
                        key,
                    );
                    ffi::Py_DECREF(funcstr);
                }
                ffi::Py_XDECREF(exc);
                ffi::Py_XDECREF(val);
                ffi::Py_XDECREF(tb);
            } else {
                ffi::PyErr_Restore(exc, val, tb);
            }
        }
    }
}

op_helper! {
    /// CALL_FUNCTION_EX: `func(*callargs, **kwargs)`. Leaves the result in
    /// the NULL slot below `func`. Error: that slot NULL, depth
    /// `depth - 2 - (oparg & 1)` (earlier failures release the rest).
    fn call_function_ex(tstate, frame, sp, oparg) {
        let has_kw = oparg & 1 == 1;
        let base = 3 + has_kw as usize; // PEEK index of the NULL slot
        let func = sp.peek(base - 1);
        let mut callargs = sp.peek(base - 2);
        let mut kwargs = if has_kw { sp.peek(1) } else { std::ptr::null_mut() };
        let fail = |callargs: Obj, kwargs: Obj| {
            ffi::Py_XDECREF(callargs);
            ffi::Py_XDECREF(kwargs);
            ffi::Py_DECREF(func);
            -1
        };
        if has_kw && ffi::PyDict_CheckExact(kwargs) == 0 {
            let d = ffi::PyDict_New();
            if d.is_null() {
                return fail(callargs, kwargs);
            }
            if api::_PyDict_MergeEx(d, kwargs, 2) < 0 {
                ffi::Py_DECREF(d);
                format_kwargs_error(func, kwargs);
                return fail(callargs, kwargs);
            }
            ffi::Py_DECREF(kwargs);
            kwargs = d;
        }
        if ffi::PyTuple_CheckExact(callargs) == 0 {
            if (*ffi::Py_TYPE(callargs)).tp_iter.is_none() && ffi::PySequence_Check(callargs) == 0 {
                ffi::PyErr_Clear();
                let funcstr = api::_PyObject_FunctionStr(func);
                if !funcstr.is_null() {
                    ffi::PyErr_Format(
                        ffi::PyExc_TypeError,
                        c"%U argument after * must be an iterable, not %.200s".as_ptr(),
                        funcstr,
                        (*ffi::Py_TYPE(callargs)).tp_name,
                    );
                    ffi::Py_DECREF(funcstr);
                }
                return fail(callargs, kwargs);
            }
            let t = ffi::PySequence_Tuple(callargs);
            ffi::Py_DECREF(callargs);
            callargs = t;
            if callargs.is_null() {
                return fail(callargs, kwargs);
            }
        }
        let result = ffi::PyObject_Call(func, callargs, kwargs);
        ffi::Py_DECREF(func);
        ffi::Py_DECREF(callargs);
        ffi::Py_XDECREF(kwargs);
        sp.set(base, result);
        if result.is_null() { -1 } else { 0 }
    }
}

op_helper! {
    /// MAKE_FUNCTION: a function from the code object on top, with the
    /// closure, annotations, keyword defaults and defaults below it as
    /// `oparg` flags say. Error: depth - 1.
    fn make_function(tstate, frame, sp, oparg) {
        let codeobj = sp.peek(1);
        let func = ffi::PyFunction_New(codeobj, (*frame).f_globals) as *mut ffi::PyFunctionObject;
        ffi::Py_DECREF(codeobj);
        if func.is_null() {
            return -1;
        }
        let mut i = 2;
        let mut take = || {
            let v = sp.peek(i);
            i += 1;
            v
        };
        if oparg & 0x08 != 0 {
            (*func).func_closure = take();
        }
        if oparg & 0x04 != 0 {
            (*func).func_annotations = take();
        }
        if oparg & 0x02 != 0 {
            (*func).func_kwdefaults = take();
        }
        if oparg & 0x01 != 0 {
            (*func).func_defaults = take();
        }
        sp.set(i - 1, func as Obj);
        0
    }
}

op_helper! {
    /// BEFORE_WITH: replaces the manager with its `__exit__` and pushes
    /// the result of `__enter__()`. Error: same depth.
    fn before_with(tstate, frame, sp, oparg) {
        let mgr = sp.peek(1);
        let enter_name = ffi::PyUnicode_InternFromString(c"__enter__".as_ptr());
        let enter = if enter_name.is_null() { enter_name } else { api::_PyObject_LookupSpecial(mgr, enter_name) };
        ffi::Py_XDECREF(enter_name);
        if enter.is_null() {
            if ffi::PyErr_Occurred().is_null() {
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"'%.200s' object does not support the context manager protocol".as_ptr(),
                    (*ffi::Py_TYPE(mgr)).tp_name,
                );
            }
            return -1;
        }
        let exit_name = ffi::PyUnicode_InternFromString(c"__exit__".as_ptr());
        let exit = if exit_name.is_null() { exit_name } else { api::_PyObject_LookupSpecial(mgr, exit_name) };
        ffi::Py_XDECREF(exit_name);
        if exit.is_null() {
            if ffi::PyErr_Occurred().is_null() {
                ffi::PyErr_Format(
                    ffi::PyExc_TypeError,
                    c"'%.200s' object does not support the context manager protocol (missed __exit__ method)".as_ptr(),
                    (*ffi::Py_TYPE(mgr)).tp_name,
                );
            }
            ffi::Py_DECREF(enter);
            return -1;
        }
        sp.set(1, exit);
        ffi::Py_DECREF(mgr);
        let res = ffi::PyObject_CallNoArgs(enter);
        ffi::Py_DECREF(enter);
        if res.is_null() {
            return -1;
        }
        *sp.0 = res;
        0
    }
}

op_helper! {
    /// PRINT_EXPR (interactive code): `sys.displayhook(value)`.
    /// Error: depth - 1.
    fn print_expr(tstate, frame, sp, oparg) {
        let value = sp.peek(1);
        let hook = ffi::PySys_GetObject(c"displayhook".as_ptr());
        if hook.is_null() {
            ffi::PyErr_SetString(ffi::PyExc_RuntimeError, c"lost sys.displayhook".as_ptr());
            ffi::Py_DECREF(value);
            return -1;
        }
        let res = ffi::PyObject_CallOneArg(hook, value);
        ffi::Py_DECREF(value);
        if res.is_null() {
            return -1;
        }
        ffi::Py_DECREF(res);
        0
    }
}
