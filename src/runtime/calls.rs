//! Calls, function creation and `with`.

use super::{new_ref, op_helper, Obj, Sp};
use crate::cpython::api;
use crate::cpython::layout::{InterpreterFrame, MethodObject, ThreadState};
use pyo3::ffi;
use std::os::raw::c_int;

/// Bit of `call`'s `shape`: the instruction after the call is POP_TOP.
pub const RESULT_POPPED: u32 = 1 << 31;

/// PRECALL + CALL (with the keyword names KW_NAMES set, or NULL): calls
/// the callable below `oparg` arguments (and `self`, for methods) and
/// leaves the result in the callable's lowest slot. Error: that slot is
/// NULL and the depth is `depth - oparg - 1`. `shape` is the oparg, with
/// [`RESULT_POPPED`]; `warmup` the calling code's warm-up counter.
///
/// Before the interpreter would have quickened the calling code, calls go
/// through the generic vectorcall, which counts a recursion level for
/// every C function; after, they take the specialised forms, which count
/// one only for `METH_O` and `METH_NOARGS`. Programs near the recursion
/// limit see the same depth either way.
///
/// # Safety
/// Called from native code with the GIL held and the call's stack in place.
pub unsafe extern "C" fn call(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    sp: *mut Obj,
    shape: u32,
    kwnames: Obj,
    warmup: *const i32,
) -> c_int {
    let _ = (tstate, frame);
    let sp = Sp(sp);
    super::guard("call", -1, || {
        // SAFETY: the stack holds [NULL or method, callable or self, args...];
        // `warmup` points into the calling code's live state.
        unsafe {
            let n = (shape & !RESULT_POPPED) as usize;
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
            let args = sp.slot(total);
            let call = Call { callable: function, args, nargs: total, kwnames, is_meth, popped: shape & RESULT_POPPED != 0 };
            let res = if *warmup == 0 { call.specialised() } else { call.generic() };
            ffi::Py_DECREF(function);
            for i in 1..=total {
                ffi::Py_DECREF(sp.peek(i));
            }
            sp.set(n + 2, res);
            if res.is_null() { -1 } else { 0 }
        }
    })
}

/// The builtins the interpreter's specialised calls recognise by identity
/// (`interp->callable_cache`): `len`, `isinstance`, `list.append`.
struct CallableCache {
    len: usize,
    isinstance: usize,
    list_append: usize,
}

static CALLABLE_CACHE: std::sync::OnceLock<CallableCache> = std::sync::OnceLock::new();

/// Captures the builtins of [`CallableCache`]; they stay alive with the
/// builtins module and `list`.
///
/// # Safety
/// GIL held.
pub unsafe fn init() {
    // SAFETY: GIL held; the lookups return new references, released at
    // once (the objects live in the builtins module and on `list`).
    unsafe {
        let lookup = |module: &std::ffi::CStr, name: &std::ffi::CStr| -> usize {
            let m = ffi::PyImport_ImportModule(module.as_ptr());
            if m.is_null() {
                ffi::PyErr_Clear();
                return 0;
            }
            let o = ffi::PyObject_GetAttrString(m, name.as_ptr());
            ffi::Py_DECREF(m);
            if o.is_null() {
                ffi::PyErr_Clear();
                return 0;
            }
            ffi::Py_DECREF(o);
            o as usize
        };
        let list = std::ptr::addr_of_mut!(ffi::PyList_Type) as Obj;
        let append = ffi::PyObject_GetAttrString(list, c"append".as_ptr());
        let list_append = if append.is_null() {
            ffi::PyErr_Clear();
            0
        } else {
            ffi::Py_DECREF(append);
            append as usize
        };
        let _ = CALLABLE_CACHE.set(CallableCache {
            len: lookup(c"builtins", c"len"),
            isinstance: lookup(c"builtins", c"isinstance"),
            list_append,
        });
    }
}

/// One call: `nargs` arguments at `args`, the last `len(kwnames)` of them
/// by keyword.
struct Call {
    callable: Obj,
    args: *mut Obj,
    nargs: usize,
    kwnames: Obj,
    /// Called as a method (`self` is the first argument).
    is_meth: bool,
    /// The result is discarded at once.
    popped: bool,
}

impl Call {
    /// The generic path: CALL's `PyObject_Vectorcall`.
    unsafe fn generic(&self) -> Obj {
        // SAFETY: live callable and arguments (caller).
        unsafe {
            let positional = self.nargs - if self.kwnames.is_null() { 0 } else { ffi::PyTuple_GET_SIZE(self.kwnames) as usize };
            ffi::PyObject_Vectorcall(self.callable, self.args, positional | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET, self.kwnames)
        }
    }

    /// The call as `_Py_Specialize_Precall`'s specialised form for this
    /// callable would make it (`specialize_c_call`,
    /// `specialize_method_descriptor`, `specialize_class_call`), or the
    /// generic path where specialisation fails.
    unsafe fn specialised(&self) -> Obj {
        // SAFETY: live callable and arguments, GIL held.
        unsafe {
            let (callable, args, nargs) = (self.callable, self.args, self.nargs);
            let tp = ffi::Py_TYPE(callable);
            if tp == std::ptr::addr_of_mut!(ffi::PyFunction_Type) {
                return self.generic();
            }
            let arg = |i: usize| *args.add(i);
            let cache = CALLABLE_CACHE.get();
            let no_kw = self.kwnames.is_null();
            let positional = nargs - if no_kw { 0 } else { ffi::PyTuple_GET_SIZE(self.kwnames) as usize };
            if tp == std::ptr::addr_of_mut!(ffi::PyCFunction_Type) {
                let c = callable as *mut ffi::PyCFunctionObject;
                let def = (*c).m_ml;
                let (meth, slf) = (&(*def).ml_meth, (*c).m_self);
                match (*def).ml_flags {
                    ffi::METH_O if no_kw && nargs == 1 => {
                        if cache.is_some_and(|c| c.len == callable as usize) {
                            let n = ffi::PyObject_Length(arg(0));
                            return if n < 0 { std::ptr::null_mut() } else { ffi::PyLong_FromSsize_t(n) };
                        }
                        return counted(|| (meth.PyCFunction)(slf, arg(0)));
                    }
                    ffi::METH_FASTCALL if no_kw => {
                        if cache.is_some_and(|c| c.isinstance == callable as usize) && nargs == 2 {
                            let r = ffi::PyObject_IsInstance(arg(0), arg(1));
                            return if r < 0 { std::ptr::null_mut() } else { ffi::PyBool_FromLong(r as _) };
                        }
                        return (meth.PyCFunctionFast)(slf, args, nargs as ffi::Py_ssize_t);
                    }
                    f if f == ffi::METH_FASTCALL | ffi::METH_KEYWORDS => {
                        return (meth.PyCFunctionFastWithKeywords)(slf, args, positional as ffi::Py_ssize_t, self.kwnames);
                    }
                    _ => {}
                }
            } else if tp == std::ptr::addr_of_mut!(ffi::PyMethodDescr_Type)
                && no_kw
                && nargs >= 1
                && ffi::Py_TYPE(arg(0)) == (*(callable as *mut ffi::PyMethodDescrObject)).d_common.d_type
            {
                let def = (*(callable as *mut ffi::PyMethodDescrObject)).d_method;
                let meth = &(*def).ml_meth;
                let rest = (nargs - 1) as ffi::Py_ssize_t;
                match (*def).ml_flags {
                    ffi::METH_O if nargs == 2 => {
                        let append = cache.is_some_and(|c| c.list_append == callable as usize);
                        if append && self.popped && self.nargs == 2 && self.is_meth {
                            return if ffi::PyList_Append(arg(0), arg(1)) < 0 {
                                std::ptr::null_mut()
                            } else {
                                new_ref(ffi::Py_None())
                            };
                        }
                        return counted(|| (meth.PyCFunction)(arg(0), arg(1)));
                    }
                    ffi::METH_NOARGS if nargs == 1 => return counted(|| (meth.PyCFunction)(arg(0), std::ptr::null_mut())),
                    ffi::METH_FASTCALL => return (meth.PyCFunctionFast)(arg(0), args.add(1), rest),
                    f if f == ffi::METH_FASTCALL | ffi::METH_KEYWORDS => {
                        return (meth.PyCFunctionFastWithKeywords)(arg(0), args.add(1), rest, std::ptr::null_mut());
                    }
                    _ => {}
                }
            } else if ffi::PyType_Check(callable) != 0 {
                let t = callable as *mut ffi::PyTypeObject;
                if (*t).tp_flags & ffi::Py_TPFLAGS_IMMUTABLETYPE != 0 && (*t).tp_new.map(|f| f as usize) != ffi::PyBaseObject_Type.tp_new.map(|f| f as usize) {
                    if no_kw && nargs == 1 && !self.is_meth {
                        if t == std::ptr::addr_of_mut!(ffi::PyType_Type) {
                            return new_ref(ffi::Py_TYPE(arg(0)) as Obj);
                        } else if t == std::ptr::addr_of_mut!(ffi::PyUnicode_Type) {
                            return ffi::PyObject_Str(arg(0));
                        } else if t == std::ptr::addr_of_mut!(ffi::PyTuple_Type) {
                            return ffi::PySequence_Tuple(arg(0));
                        }
                    }
                    if let Some(tp_vectorcall) = (*t).tp_vectorcall {
                        return tp_vectorcall(callable, args, positional, self.kwnames);
                    }
                }
            }
            self.generic()
        }
    }
}

/// Runs a C call inside one level of recursion accounting, as CPython does
/// for `METH_O` and `METH_NOARGS` calls.
unsafe fn counted(f: impl FnOnce() -> Obj) -> Obj {
    // SAFETY: GIL held; the message is a static C string.
    unsafe {
        if ffi::Py_EnterRecursiveCall(c" while calling a Python object".as_ptr()) != 0 {
            return std::ptr::null_mut();
        }
        let r = f();
        ffi::Py_LeaveRecursiveCall();
        r
    }
}

/// The `vectorcall` of Python functions whose code is compiled: runs the
/// code's native vectorcall entry, or, when there is none (the code was
/// replaced through `__code__` by uncompiled code), the stock one. Function
/// objects point here rather than at native code because native code dies
/// with its code object, while a function can outlive the code it had.
///
/// # Safety
/// Called by CPython as a `vectorcallfunc` of a function object.
pub unsafe extern "C" fn vectorcall_dispatch(
    func: Obj,
    args: *const Obj,
    nargsf: usize,
    kwnames: Obj,
) -> Obj {
    // SAFETY: `func` is a live function object and its code a live code
    // object; states and their native code live as long as the code does.
    unsafe {
        let code = (*(func as *mut ffi::PyFunctionObject)).func_code as *mut crate::cpython::layout::CodeObject;
        let state = crate::profile::get(code);
        if let Some(entry) = state.as_ref().and_then(|s| s.native.as_ref()).and_then(|n| n.vectorcall) {
            return entry(func, args, nargsf, kwnames);
        }
        api::_PyFunction_Vectorcall(func, args, nargsf, kwnames)
    }
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
