//! Exported CPython 3.11 entry points that `pyo3::ffi` does not declare, and
//! thin wrappers over the private parts of the ones it does.

use super::layout::{InterpreterFrame, ThreadState};
use pyo3::ffi::{self, PyObject, PyTypeObject, Py_ssize_t};
use std::os::raw::{c_char, c_int, c_void};

/// Signature of a PEP 523 frame evaluator on 3.11.
pub type EvalFrameFn =
    unsafe extern "C" fn(*mut ThreadState, *mut InterpreterFrame, c_int) -> *mut PyObject;

extern "C" {
    /// The stock evaluator. Calling it directly (not through
    /// `_PyEval_EvalFrame`) is what keeps our own hook out of the loop.
    pub fn _PyEval_EvalFrameDefault(
        tstate: *mut ThreadState,
        frame: *mut InterpreterFrame,
        throwflag: c_int,
    ) -> *mut PyObject;

    pub fn _PyInterpreterState_GetEvalFrameFunc(interp: *mut ffi::PyInterpreterState) -> *mut c_void;
    pub fn _PyInterpreterState_SetEvalFrameFunc(interp: *mut ffi::PyInterpreterState, f: *mut c_void);

    /// Method-cache lookup; as a side effect it assigns `tp_version_tag`.
    pub fn _PyType_Lookup(tp: *mut PyTypeObject, name: *mut PyObject) -> *mut PyObject;

    pub static mut PyMethod_Type: PyTypeObject;

    /// The stock vectorcall of Python functions.
    pub fn _PyFunction_Vectorcall(
        func: *mut PyObject,
        args: *const *mut PyObject,
        nargsf: usize,
        kwnames: *mut PyObject,
    ) -> *mut PyObject;
    /// The calling thread's state, or NULL (no checks).
    pub fn _PyThreadState_UncheckedGet() -> *mut ThreadState;

    /// Deallocates an object whose count reached zero (`Py_DECREF`'s slow path).
    pub fn _Py_Dealloc(obj: *mut PyObject);

    pub fn _Py_CheckRecursiveCall(tstate: *mut ThreadState, where_: *const c_char) -> c_int;
    pub fn _PyObject_GetMethod(obj: *mut PyObject, name: *mut PyObject, method: *mut *mut PyObject) -> c_int;
    pub fn _PyObject_LookupSpecial(obj: *mut PyObject, name: *mut PyObject) -> *mut PyObject;
    pub fn _PyObject_LookupAttr(obj: *mut PyObject, name: *mut PyObject, result: *mut *mut PyObject) -> c_int;
    pub fn _PyObject_FunctionStr(func: *mut PyObject) -> *mut PyObject;
    pub fn _PyDict_GetItemWithError(dict: *mut PyObject, key: *mut PyObject) -> *mut PyObject;
    pub fn _PyDict_MergeEx(a: *mut PyObject, b: *mut PyObject, override_: c_int) -> c_int;
    pub fn _PyDict_NewPresized(minused: Py_ssize_t) -> *mut PyObject;
    pub fn _PyList_Extend(list: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject;
    pub fn _PySet_Update(set: *mut PyObject, iterable: *mut PyObject) -> c_int;
    pub fn _PyUnicode_JoinArray(sep: *mut PyObject, items: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject;
    pub fn _PyModuleSpec_IsInitializing(spec: *mut PyObject) -> c_int;
    pub fn _PyErr_GetTopmostException(tstate: *mut ThreadState) -> *mut c_void;
    pub static mut _PyRuntime: u8;
    pub static mut _Py_tracemalloc_config: u8;
}

/// Address of the runtime's current-thread-state word
/// (`_PyRuntime.gilstate.tstate_current`, what `_PyThreadState_GET` reads),
/// if the build knows its offset.
pub fn tstate_current_address() -> Option<usize> {
    let offset = crate::cpython::offsets::header_offset("RuntimeState.gilstate.tstate_current")?;
    Some(std::ptr::addr_of!(_PyRuntime) as usize + offset)
}

/// The main interpreter's float free list (`interp->float_state`), which
/// `PyFloat_FromDouble` pops and `_PyFloat_ExactDealloc` pushes (linking
/// free objects through their `ob_type`), for native code that does the
/// same; and the flag that sends allocations through tracemalloc instead.
#[derive(Clone, Copy, Debug)]
pub struct FloatFreeList {
    /// Address of `float_state.free_list`.
    pub head: usize,
    /// Address of `float_state.numfree` (a C `int`).
    pub numfree: usize,
    /// `PyFloat_MAXFREELIST`.
    pub max: i32,
    /// Address of `_Py_tracemalloc_config.tracing` (a C `int`).
    pub tracing: usize,
}

/// See [`FloatFreeList`]; None if the build does not know the layout.
pub fn float_free_list() -> Option<FloatFreeList> {
    use crate::cpython::offsets::header_offset;
    static LIST: std::sync::OnceLock<Option<FloatFreeList>> = std::sync::OnceLock::new();
    *LIST.get_or_init(|| {
        let state = header_offset("InterpreterState.float_state")?;
        // SAFETY: the main interpreter lives as long as the process.
        let interp = unsafe { ffi::PyInterpreterState_Main() } as usize;
        Some(FloatFreeList {
            head: interp + state + header_offset("FloatState.free_list")?,
            numfree: interp + state + header_offset("FloatState.numfree")?,
            max: header_offset("FloatState.MAXFREELIST")? as i32,
            tracing: std::ptr::addr_of!(_Py_tracemalloc_config) as usize + header_offset("TraceMallocConfig.tracing")?,
        })
    })
}

/// Installs `f` as the interpreter's frame evaluator (`None` restores the
/// stock one, which also re-enables 3.11's inlined Python-to-Python calls).
///
/// # Safety
/// Must be called with the GIL held.
pub unsafe fn set_eval_frame(f: Option<EvalFrameFn>) {
    // SAFETY: the GIL is held, so the current interpreter is valid; passing
    // the default evaluator makes CPython store NULL.
    unsafe {
        let interp = ffi::PyInterpreterState_Get();
        let ptr = match f {
            Some(f) => f as *mut c_void,
            None => _PyEval_EvalFrameDefault as *mut c_void,
        };
        _PyInterpreterState_SetEvalFrameFunc(interp, ptr);
    }
}

/// The current interpreter's frame evaluator (the default one if none is set).
///
/// # Safety
/// Must be called with the GIL held.
pub unsafe fn eval_frame() -> *mut c_void {
    // SAFETY: the GIL is held, so the current interpreter is valid.
    unsafe { _PyInterpreterState_GetEvalFrameFunc(ffi::PyInterpreterState_Get()) }
}

/// Address of the stock evaluator, to compare hooks against.
pub fn default_eval_frame() -> *mut c_void {
    _PyEval_EvalFrameDefault as *mut c_void
}

/// The thread state of the calling thread (which must hold the GIL).
#[inline(always)]
pub fn thread_state() -> *mut ThreadState {
    // SAFETY: always callable; returns NULL only without a thread state.
    unsafe { ffi::PyThreadState_Get() as *mut ThreadState }
}
