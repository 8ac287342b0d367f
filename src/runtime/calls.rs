//! Calls, function creation and `with`.

use super::{new_ref, op_helper, Obj, Sp};
use crate::cpython::api;
use crate::stats;
use crate::cpython::layout::{InterpreterFrame, MethodObject, ThreadState};
use pyo3::ffi;
use std::os::raw::c_int;

/// Bit of `call`'s `shape`: the instruction after the call is POP_TOP.
pub const RESULT_POPPED: u32 = 1 << 31;

/// A CALL site's cache of what it calls. A C callable: native code calls
/// `stub` (the interpreter's specialised form for that callable and call
/// shape) while the callable on the stack is `callable`; a builtin
/// function bound to an object (`log.append`, `perm.pop`), which the
/// cache must not keep alive, is known by its `PyMethodDef` instead and
/// calls `def_stub`. Python functions: for any function whose code is
/// one of `callees`' (a site may call a few, as a method call on objects
/// of several classes does), native code calls that code's frame entry
/// (which re-checks everything else a call needs).
#[repr(C)]
pub struct CallCache {
    /// Strong references, so that the addresses cannot be reused by other
    /// objects while cached (and `code`'s native code stays); NULL when
    /// empty.
    pub callable: Obj,
    pub stub: Option<Stub>,
    /// The `PyMethodDef` of the bound builtins `def_stub` serves (static
    /// data of their module, never freed), or NULL.
    pub def: *mut ffi::PyMethodDef,
    pub def_stub: Option<Stub>,
    pub callees: [Callee; CALLEES],
    /// The entry of `callees` the next new callee replaces.
    pub next_callee: usize,
    /// Calls of Python functions without native code seen here: after
    /// [`PY_MISSES`] of them the site stops looking.
    pub py_misses: u64,
    /// The calling code's warm-up counter (`CodeState::warmup`).
    pub warmup: *const i32,
}

/// A compiled Python callee of a call site.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Callee {
    /// A strong reference (NULL when empty): the code, its state and its
    /// native code stay while cached.
    pub code: Obj,
    /// Where `code`'s frame entry is (`CodeState::frame_entry`, see
    /// `compiler::codegen::entry`).
    pub entry_slot: *const usize,
}

/// Python callees a call site remembers.
pub const CALLEES: usize = 4;

const NO_CALLEE: Callee = Callee { code: std::ptr::null_mut(), entry_slot: std::ptr::null() };

/// See [`CallCache::py_misses`].
const PY_MISSES: u64 = 1000;

impl CallCache {
    pub fn new(warmup: *const i32) -> CallCache {
        CallCache {
            callable: std::ptr::null_mut(),
            stub: None,
            def: std::ptr::null_mut(),
            def_stub: None,
            callees: [NO_CALLEE; CALLEES],
            next_callee: 0,
            py_misses: 0,
            warmup,
        }
    }

    /// Caches `stub` for `callable`.
    ///
    /// # Safety
    /// GIL held, a live callable.
    unsafe fn fill(&mut self, callable: Obj, stub: Stub) {
        // SAFETY: GIL held; the old reference (if any) is ours.
        unsafe {
            let old = std::mem::replace(&mut self.callable, new_ref(callable));
            self.stub = Some(stub);
            if !old.is_null() {
                ffi::Py_DECREF(old);
            }
        }
    }
}

impl Drop for CallCache {
    fn drop(&mut self) {
        for o in std::iter::once(self.callable).chain(self.callees.iter().map(|c| c.code)) {
            if !o.is_null() {
                // SAFETY: caches die with their code's native code, which
                // is freed with the code object, under the GIL.
                unsafe { ffi::Py_DECREF(o) };
            }
        }
    }
}

/// Before a call of the Python function `func` that the site's cache does
/// not cover: caches its code's native entry, if it has one.
///
/// # Safety
/// Called from native code with the GIL held, the site's cache and a live
/// function object.
pub unsafe extern "C" fn cache_python_callee(cache: *mut CallCache, func: Obj) {
    // SAFETY: as above; states and their native code live as long as their
    // code object, which the cache then keeps alive.
    unsafe {
        let cache = &mut *cache;
        if cache.py_misses >= PY_MISSES {
            return;
        }
        let code = (*(func as *mut ffi::PyFunctionObject)).func_code;
        let state = crate::profile::get(code as *mut crate::cpython::layout::CodeObject);
        match state.as_ref().filter(|s| s.frame_entry != 0) {
            Some(s) => {
                let i = cache.next_callee;
                cache.next_callee = (i + 1) % CALLEES;
                let entry = Callee { code: new_ref(code), entry_slot: std::ptr::addr_of!(s.frame_entry) };
                let old = std::mem::replace(&mut cache.callees[i], entry);
                if !old.code.is_null() {
                    stats::INVALIDATIONS.bump(stats::Invalidation::CalleeChanged);
                    ffi::Py_DECREF(old.code);
                }
            }
            None => cache.py_misses += 1,
        }
    }
}

/// A specialised call of a C callable with positional arguments:
/// `(callable, args, nargs) -> result or NULL`. It re-checks what it
/// relies on beyond the callable's identity and otherwise makes the
/// generic call.
pub type Stub = unsafe extern "C" fn(Obj, *mut Obj, usize) -> Obj;

/// PRECALL + CALL (with the keyword names KW_NAMES set, or NULL): calls
/// the callable below `oparg` arguments (and `self`, for methods) and
/// leaves the result in the callable's lowest slot. Error: that slot is
/// NULL and the depth is `depth - oparg - 1`. `shape` is the oparg, with
/// [`RESULT_POPPED`]; `cache` the site's.
///
/// Before the interpreter would have quickened the calling code, calls go
/// through the generic vectorcall, which counts a recursion level for
/// every C function; after, they take the specialised forms, which count
/// one only for `METH_O` and `METH_NOARGS`. Programs near the recursion
/// limit see the same depth either way. Warm sites cache their C callable
/// for native code to call directly.
///
/// # Safety
/// Called from native code with the GIL held and the call's stack in place.
pub unsafe extern "C" fn call(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    sp: *mut Obj,
    shape: u32,
    kwnames: Obj,
    cache: *mut CallCache,
) -> c_int {
    let _ = (tstate, frame);
    let sp = Sp(sp);
    super::guard("call", -1, || {
        // SAFETY: the stack holds [NULL or method, callable or self, args...];
        // the cache is this site's.
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
            let warm = *(*cache).warmup == 0;
            let res = if !warm {
                generic(function, args, total, kwnames)
            } else if !kwnames.is_null() {
                with_keywords(function, args, total, kwnames)
            } else if let Some(stub) = stub_for(function, args, total, is_meth, shape & RESULT_POPPED != 0) {
                if long_lived(function) {
                    (*cache).fill(function, stub);
                } else {
                    (*cache).def = (*(function as *mut ffi::PyCFunctionObject)).m_ml;
                    (*cache).def_stub = Some(stub);
                }
                stub(function, args, total)
            } else {
                generic(function, args, total, kwnames)
            };
            ffi::Py_DECREF(function);
            for i in 1..=total {
                ffi::Py_DECREF(sp.peek(i));
            }
            sp.set(n + 2, res);
            if res.is_null() { -1 } else { 0 }
        }
    })
}

/// Whether a cache may keep a reference to `callable` without changing
/// when any object of the program dies: classes, method descriptors and
/// functions of modules live as long as their module or class anyway. A
/// builtin method bound to an object (`log.append`, `f.write`) would keep
/// that object alive: such calls take the stub from here each time.
///
/// # Safety
/// GIL held, a live callable.
unsafe fn long_lived(callable: Obj) -> bool {
    // SAFETY: a live object; a PyCFunction's `m_self` is NULL or live.
    unsafe {
        if ffi::Py_TYPE(callable) != std::ptr::addr_of_mut!(ffi::PyCFunction_Type) {
            return true;
        }
        let slf = (*(callable as *mut ffi::PyCFunctionObject)).m_self;
        slf.is_null() || ffi::PyModule_Check(slf) != 0
    }
}

/// The builtins the interpreter's specialised calls recognise by identity
/// (`interp->callable_cache`): `len`, `isinstance`, `list.append`.
struct CallableCache {
    len: usize,
    isinstance: usize,
    list_append: usize,
    /// `slot_tp_init`, the `tp_init` of classes whose `__init__` is
    /// written in Python (static in typeobject.c: read off such a class).
    slot_tp_init: usize,
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
        let lookup = |owner: Obj, name: &std::ffi::CStr| -> usize {
            let o = ffi::PyObject_GetAttrString(owner, name.as_ptr());
            if o.is_null() {
                ffi::PyErr_Clear();
                return 0;
            }
            ffi::Py_DECREF(o);
            o as usize
        };
        let builtins = ffi::PyImport_ImportModule(c"builtins".as_ptr());
        if builtins.is_null() {
            ffi::PyErr_Clear();
            return;
        }
        let list = std::ptr::addr_of_mut!(ffi::PyList_Type) as Obj;
        let _ = CALLABLE_CACHE.set(CallableCache {
            len: lookup(builtins, c"len"),
            isinstance: lookup(builtins, c"isinstance"),
            list_append: lookup(list, c"append"),
            slot_tp_init: python_init_slot(),
        });
        ffi::Py_DECREF(builtins);
    }
}

/// The address of `list.append` (the method descriptor), once known.
pub fn list_append_address() -> Option<usize> {
    CALLABLE_CACHE.get().map(|c| c.list_append).filter(|&a| a != 0)
}

/// The `tp_init` of a class defined with an `__init__` in Python.
///
/// # Safety
/// GIL held.
unsafe fn python_init_slot() -> usize {
    // SAFETY: GIL held; the probe class is released at once.
    unsafe {
        let code = c"class Probe:\n    def __init__(self):\n        pass\n";
        let globals = ffi::PyDict_New();
        if globals.is_null() {
            ffi::PyErr_Clear();
            return 0;
        }
        let builtins = ffi::PyEval_GetBuiltins();
        let mut slot = 0;
        if !builtins.is_null() && ffi::PyDict_SetItemString(globals, c"__builtins__".as_ptr(), builtins) == 0 {
            let r = ffi::PyRun_String(code.as_ptr(), ffi::Py_file_input, globals, globals);
            let probe = ffi::PyDict_GetItemString(globals, c"Probe".as_ptr());
            if !r.is_null() && !probe.is_null() && ffi::PyType_Check(probe) != 0 {
                slot = (*(probe as *mut ffi::PyTypeObject)).tp_init.map_or(0, |f| f as usize);
            }
            ffi::Py_XDECREF(r);
        }
        ffi::PyErr_Clear();
        ffi::Py_DECREF(globals);
        slot
    }
}

/// The `__init__` function of class `callable` if calling the class is
/// `type.__call__` making the instance with `object.__new__` and running
/// that Python function on it (what CPython 3.12's
/// CALL_ALLOC_AND_ENTER_INIT covers).
///
/// # Safety
/// GIL held, a live object.
unsafe fn python_init_of(callable: Obj) -> Option<Obj> {
    // SAFETY: a live object; the lookup returns a borrowed reference the
    // class keeps.
    unsafe {
        let cache = CALLABLE_CACHE.get()?;
        if ffi::PyType_Check(callable) == 0 || cache.slot_tp_init == 0 {
            return None;
        }
        let t = callable as *mut ffi::PyTypeObject;
        let fits = ffi::Py_TYPE(callable) == std::ptr::addr_of_mut!(ffi::PyType_Type)
            && (*t).tp_new.map(|f| f as usize) == ffi::PyBaseObject_Type.tp_new.map(|f| f as usize)
            && (*t).tp_init.map(|f| f as usize) == Some(cache.slot_tp_init)
            && (*t).tp_flags & ffi::Py_TPFLAGS_IS_ABSTRACT == 0;
        if !fits {
            return None;
        }
        let init = api::_PyType_Lookup(t, name_init());
        (!init.is_null() && ffi::PyFunction_Check(init) != 0).then_some(init)
    }
}

/// The empty tuple (a singleton that lives for good).
fn empty_tuple() -> Obj {
    static EMPTY: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    // SAFETY: GIL held (called from helpers); the reference is kept.
    *EMPTY.get_or_init(|| unsafe { ffi::PyTuple_New(0) } as usize) as Obj
}

/// The interned name `__init__`.
fn name_init() -> Obj {
    static NAME: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    // SAFETY: GIL held (called from helpers); the interned str lives for
    // good.
    *NAME.get_or_init(|| unsafe { ffi::PyUnicode_InternFromString(c"__init__".as_ptr()) } as usize) as Obj
}

/// CALL's generic path: `PyObject_Vectorcall`.
unsafe fn generic(callable: Obj, args: *mut Obj, nargs: usize, kwnames: Obj) -> Obj {
    // SAFETY: live callable and arguments (caller).
    unsafe {
        let positional = nargs - if kwnames.is_null() { 0 } else { ffi::PyTuple_GET_SIZE(kwnames) as usize };
        ffi::PyObject_Vectorcall(callable, args, positional | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames)
    }
}

/// A warm call with keywords: the specialised forms that take keyword
/// names (`PRECALL_BUILTIN_FAST_WITH_KEYWORDS`, `PRECALL_BUILTIN_CLASS`),
/// else the generic path.
unsafe fn with_keywords(callable: Obj, args: *mut Obj, nargs: usize, kwnames: Obj) -> Obj {
    // SAFETY: live callable, arguments and keyword names, GIL held.
    unsafe {
        let positional = (nargs - ffi::PyTuple_GET_SIZE(kwnames) as usize) as ffi::Py_ssize_t;
        let tp = ffi::Py_TYPE(callable);
        if tp == std::ptr::addr_of_mut!(ffi::PyCFunction_Type) {
            let c = callable as *mut ffi::PyCFunctionObject;
            let def = (*c).m_ml;
            if (*def).ml_flags == ffi::METH_FASTCALL | ffi::METH_KEYWORDS {
                return ((*def).ml_meth.PyCFunctionFastWithKeywords)((*c).m_self, args, positional, kwnames);
            }
        } else if let Some(tp_vectorcall) = class_vectorcall(callable) {
            return tp_vectorcall(callable, args, positional as usize, kwnames);
        }
        generic(callable, args, nargs, kwnames)
    }
}

/// The `tp_vectorcall` of a class the interpreter calls directly
/// (`specialize_class_call`): immutable, with its own `tp_new`.
unsafe fn class_vectorcall(callable: Obj) -> Option<ffi::vectorcallfunc> {
    // SAFETY: a live object.
    unsafe {
        if ffi::PyType_Check(callable) == 0 {
            return None;
        }
        let t = callable as *mut ffi::PyTypeObject;
        let own_new = (*t).tp_new.map(|f| f as usize) != ffi::PyBaseObject_Type.tp_new.map(|f| f as usize);
        if (*t).tp_flags & ffi::Py_TPFLAGS_IMMUTABLETYPE != 0 && own_new {
            (*t).tp_vectorcall
        } else {
            None
        }
    }
}

/// The specialised form `_Py_Specialize_Precall` would give this call
/// (`specialize_c_call`, `specialize_method_descriptor`,
/// `specialize_class_call`), as a stub; None where specialisation fails
/// (Python functions are called through their vectorcall either way).
unsafe fn stub_for(callable: Obj, args: *mut Obj, nargs: usize, is_meth: bool, popped: bool) -> Option<Stub> {
    // SAFETY: live callable and `nargs` live arguments, GIL held.
    unsafe {
        let tp = ffi::Py_TYPE(callable);
        let cache = CALLABLE_CACHE.get()?;
        if tp == std::ptr::addr_of_mut!(ffi::PyCFunction_Type) {
            let def = (*(callable as *mut ffi::PyCFunctionObject)).m_ml;
            return match (*def).ml_flags {
                ffi::METH_O if nargs == 1 && callable as usize == cache.len => Some(stub_len),
                ffi::METH_O if nargs == 1 => Some(stub_builtin_o),
                ffi::METH_FASTCALL if nargs == 2 && callable as usize == cache.isinstance => Some(stub_isinstance),
                ffi::METH_FASTCALL => Some(stub_builtin_fast),
                f if f == ffi::METH_FASTCALL | ffi::METH_KEYWORDS => Some(stub_builtin_fast_keywords),
                _ => None,
            };
        }
        if tp == std::ptr::addr_of_mut!(ffi::PyMethodDescr_Type) && nargs >= 1 {
            let descr = callable as *mut ffi::PyMethodDescrObject;
            if ffi::Py_TYPE(*args) != (*descr).d_common.d_type {
                return None;
            }
            return match (*(*descr).d_method).ml_flags {
                ffi::METH_O if nargs == 2 && callable as usize == cache.list_append && is_meth && popped => {
                    Some(stub_list_append)
                }
                ffi::METH_O if nargs == 2 => Some(stub_descr_o),
                ffi::METH_NOARGS if nargs == 1 => Some(stub_descr_noargs),
                ffi::METH_FASTCALL => Some(stub_descr_fast),
                f if f == ffi::METH_FASTCALL | ffi::METH_KEYWORDS => Some(stub_descr_fast_keywords),
                _ => None,
            };
        }
        if !is_meth && nargs == 1 {
            if callable == std::ptr::addr_of_mut!(ffi::PyType_Type) as Obj {
                return Some(stub_type_1);
            } else if callable == std::ptr::addr_of_mut!(ffi::PyUnicode_Type) as Obj {
                return Some(stub_str_1);
            } else if callable == std::ptr::addr_of_mut!(ffi::PyTuple_Type) as Obj {
                return Some(stub_tuple_1);
            } else if callable == std::ptr::addr_of_mut!(ffi::PyLong_Type) as Obj {
                return Some(stub_int_1);
            }
        }
        if !is_meth && python_init_of(callable).is_some() {
            return Some(stub_init);
        }
        class_vectorcall(callable).map(|_| stub_class as Stub)
    }
}

/// Defines a stub: `$body` runs with `callable`, `args`, `nargs` bound.
macro_rules! stub {
    ($(#[$meta:meta])* fn $name:ident($c:ident, $args:ident, $n:ident) $body:block) => {
        $(#[$meta])*
        ///
        /// # Safety
        /// Called with the GIL held, for the callable and call shape
        /// `stub_for` chose it for, with `nargs` live arguments.
        #[allow(unused_variables)]
        unsafe extern "C" fn $name($c: Obj, $args: *mut Obj, $n: usize) -> Obj {
            // SAFETY: the caller's contract (see above).
            unsafe { $body }
        }
    };
}

/// `PyObject_Vectorcall` with the interpreter's argument offset, for a
/// stub whose guard failed.
unsafe fn deopt(callable: Obj, args: *mut Obj, nargs: usize) -> Obj {
    // SAFETY: forwarded.
    unsafe { ffi::PyObject_Vectorcall(callable, args, nargs | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET, std::ptr::null_mut()) }
}

stub! {
    /// `len(x)` (PRECALL_NO_KW_LEN).
    fn stub_len(c, args, n) {
        let len = ffi::PyObject_Length(*args);
        if len < 0 { std::ptr::null_mut() } else { ffi::PyLong_FromSsize_t(len) }
    }
}

stub! {
    /// `isinstance(x, cls)` (PRECALL_NO_KW_ISINSTANCE).
    fn stub_isinstance(c, args, n) {
        let r = ffi::PyObject_IsInstance(*args, *args.add(1));
        if r < 0 { std::ptr::null_mut() } else { ffi::PyBool_FromLong(r as _) }
    }
}

/// The C function and `self` of a builtin function.
unsafe fn builtin_parts(c: Obj) -> (*mut ffi::PyMethodDef, Obj) {
    // SAFETY: a live PyCFunction (the stub's contract).
    unsafe {
        let f = c as *mut ffi::PyCFunctionObject;
        ((*f).m_ml, (*f).m_self)
    }
}

stub! {
    /// A `METH_O` builtin (PRECALL_NO_KW_BUILTIN_O).
    fn stub_builtin_o(c, args, n) {
        let (def, slf) = builtin_parts(c);
        if (*def).ml_flags != ffi::METH_O {
            return deopt(c, args, n);
        }
        counted(|| ((*def).ml_meth.PyCFunction)(slf, *args))
    }
}

stub! {
    /// A `METH_FASTCALL` builtin (PRECALL_NO_KW_BUILTIN_FAST).
    fn stub_builtin_fast(c, args, n) {
        let (def, slf) = builtin_parts(c);
        if (*def).ml_flags != ffi::METH_FASTCALL {
            return deopt(c, args, n);
        }
        ((*def).ml_meth.PyCFunctionFast)(slf, args, n as ffi::Py_ssize_t)
    }
}

stub! {
    /// A `METH_FASTCALL | METH_KEYWORDS` builtin without keywords
    /// (PRECALL_BUILTIN_FAST_WITH_KEYWORDS).
    fn stub_builtin_fast_keywords(c, args, n) {
        let (def, slf) = builtin_parts(c);
        if (*def).ml_flags != ffi::METH_FASTCALL | ffi::METH_KEYWORDS {
            return deopt(c, args, n);
        }
        ((*def).ml_meth.PyCFunctionFastWithKeywords)(slf, args, n as ffi::Py_ssize_t, std::ptr::null_mut())
    }
}

/// The C function of a method descriptor if `self` has exactly its type.
unsafe fn descr_method(c: Obj, args: *mut Obj) -> Option<*mut ffi::PyMethodDef> {
    // SAFETY: a live method descriptor and at least one argument.
    unsafe {
        let d = c as *mut ffi::PyMethodDescrObject;
        (ffi::Py_TYPE(*args) == (*d).d_common.d_type).then_some((*d).d_method)
    }
}

stub! {
    /// `list.append(x)` with its result discarded (PRECALL_NO_KW_LIST_APPEND).
    fn stub_list_append(c, args, n) {
        if ffi::PyList_Check(*args) == 0 {
            return deopt(c, args, n);
        }
        if ffi::PyList_Append(*args, *args.add(1)) < 0 { std::ptr::null_mut() } else { new_ref(ffi::Py_None()) }
    }
}

stub! {
    /// A `METH_O` method descriptor (PRECALL_NO_KW_METHOD_DESCRIPTOR_O).
    fn stub_descr_o(c, args, n) {
        match descr_method(c, args) {
            Some(def) => counted(|| ((*def).ml_meth.PyCFunction)(*args, *args.add(1))),
            None => deopt(c, args, n),
        }
    }
}

stub! {
    /// A `METH_NOARGS` method descriptor (PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS).
    fn stub_descr_noargs(c, args, n) {
        match descr_method(c, args) {
            Some(def) => counted(|| ((*def).ml_meth.PyCFunction)(*args, std::ptr::null_mut())),
            None => deopt(c, args, n),
        }
    }
}

stub! {
    /// A `METH_FASTCALL` method descriptor (PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST).
    fn stub_descr_fast(c, args, n) {
        match descr_method(c, args) {
            Some(def) => ((*def).ml_meth.PyCFunctionFast)(*args, args.add(1), (n - 1) as ffi::Py_ssize_t),
            None => deopt(c, args, n),
        }
    }
}

stub! {
    /// A `METH_FASTCALL | METH_KEYWORDS` method descriptor without keywords
    /// (PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS).
    fn stub_descr_fast_keywords(c, args, n) {
        match descr_method(c, args) {
            Some(def) => ((*def).ml_meth.PyCFunctionFastWithKeywords)(
                *args,
                args.add(1),
                (n - 1) as ffi::Py_ssize_t,
                std::ptr::null_mut(),
            ),
            None => deopt(c, args, n),
        }
    }
}

stub! {
    /// `type(x)` (PRECALL_NO_KW_TYPE_1).
    fn stub_type_1(c, args, n) {
        new_ref(ffi::Py_TYPE(*args) as Obj)
    }
}

stub! {
    /// `str(x)` (PRECALL_NO_KW_STR_1).
    fn stub_str_1(c, args, n) {
        ffi::PyObject_Str(*args)
    }
}

stub! {
    /// `tuple(x)` (PRECALL_NO_KW_TUPLE_1).
    fn stub_tuple_1(c, args, n) {
        ffi::PySequence_Tuple(*args)
    }
}

stub! {
    /// `int(x)`: what `long_new` does for one argument and no base, without
    /// the argument tuple `int` (having no vectorcall in 3.11) would need;
    /// counted as `_PyObject_MakeTpCall` counts it.
    fn stub_int_1(c, args, n) {
        counted(|| ffi::PyNumber_Long(*args))
    }
}

stub! {
    /// A class whose instances `object.__new__` allocates and an
    /// `__init__` written in Python initialises: what `type.__call__`
    /// does through `object_new` and `slot_tp_init`, without the argument
    /// tuple; the instance is passed in the slot before the arguments (the
    /// class's, put back after).
    fn stub_init(c, args, n) {
        let Some(init) = python_init_of(c) else { return deopt(c, args, n) };
        let Some(new) = ffi::PyBaseObject_Type.tp_new else { return deopt(c, args, n) };
        counted(|| {
            // `object.__new__` sees no arguments: with `__init__` overridden
            // it ignores them anyway.
            let obj = new(c as *mut ffi::PyTypeObject, empty_tuple(), std::ptr::null_mut());
            if obj.is_null() {
                return std::ptr::null_mut();
            }
            let init = new_ref(init);
            let slot = args.sub(1);
            let class = *slot;
            *slot = obj;
            let res = ffi::PyObject_Vectorcall(init, slot, (n + 1) | ffi::PY_VECTORCALL_ARGUMENTS_OFFSET, std::ptr::null_mut());
            *slot = class;
            ffi::Py_DECREF(init);
            if res.is_null() {
                ffi::Py_DECREF(obj);
                return std::ptr::null_mut();
            }
            if res != ffi::Py_None() {
                let name = std::ffi::CStr::from_ptr((*ffi::Py_TYPE(res)).tp_name);
                let msg = format!("__init__() should return None, not '{:.200}'", name.to_string_lossy());
                let msg = std::ffi::CString::new(msg).unwrap_or_default();
                ffi::PyErr_SetString(ffi::PyExc_TypeError, msg.as_ptr());
                ffi::Py_DECREF(res);
                ffi::Py_DECREF(obj);
                return std::ptr::null_mut();
            }
            ffi::Py_DECREF(res);
            obj
        })
    }
}

stub! {
    /// A class with its own vectorcall (PRECALL_BUILTIN_CLASS).
    fn stub_class(c, args, n) {
        match (*(c as *mut ffi::PyTypeObject)).tp_vectorcall {
            Some(vectorcall) => vectorcall(c, args, n, std::ptr::null_mut()),
            None => deopt(c, args, n),
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
