//! `#[repr(C)]` mirrors of CPython 3.11 structs (non-debug build, 64-bit).
//!
//! Only the fields the JIT touches are named; each mirror stops after the last
//! field we use, so it is a valid *prefix* view of the real struct and must
//! never be allocated or copied by value. `tests/layout.rs` checks every named
//! offset against a table compiled from the installed interpreter headers and
//! against live objects of the running interpreter.

use pyo3::ffi::{PyFunctionObject, PyObject, Py_ssize_t};
use std::os::raw::{c_char, c_int, c_short, c_void};

/// `_Py_CODEUNIT`: one 16-bit code unit, opcode in the low byte.
pub type CodeUnit = u16;

/// `struct _PyInterpreterFrame` (Include/internal/pycore_frame.h).
#[repr(C)]
pub struct InterpreterFrame {
    pub f_func: *mut PyFunctionObject,
    pub f_globals: *mut PyObject,
    pub f_builtins: *mut PyObject,
    pub f_locals: *mut PyObject,
    pub f_code: *mut CodeObject,
    pub frame_obj: *mut PyObject,
    pub previous: *mut InterpreterFrame,
    /// The code unit before the next instruction (see pycore_frame.h).
    pub prev_instr: *mut CodeUnit,
    /// Offset of the top of the value stack from `localsplus`.
    pub stacktop: c_int,
    pub is_entry: bool,
    pub owner: c_char,
    /// Locals, cells, free variables, then the value stack.
    pub localsplus: [*mut PyObject; 0],
}

/// `enum _frameowner`.
pub const FRAME_OWNED_BY_THREAD: c_char = 0;
pub const FRAME_OWNED_BY_GENERATOR: c_char = 1;
pub const FRAME_OWNED_BY_FRAME_OBJECT: c_char = 2;

/// `struct _frame` (`PyFrameObject`, Include/internal/pycore_frame.h).
#[repr(C)]
pub struct FrameObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub f_back: *mut FrameObject,
    /// The frame data: the thread's frame while it runs, `_f_frame_data`
    /// once the frame object owns it.
    pub f_frame: *mut InterpreterFrame,
    pub f_trace: *mut PyObject,
    pub f_lineno: c_int,
    pub f_trace_lines: c_char,
    pub f_trace_opcodes: c_char,
    pub f_fast_as_locals: c_char,
    pub _f_frame_data: [*mut PyObject; 0],
}

/// `_PyCFrame` (Include/cpython/pystate.h): one per C-level evaluator entry.
#[repr(C)]
pub struct CFrame {
    /// 0, or 255 while tracing or profiling is active.
    pub use_tracing: u8,
    pub current_frame: *mut InterpreterFrame,
    pub previous: *mut CFrame,
}

/// Prefix of `struct _ts` (`PyThreadState`, Include/cpython/pystate.h) up to
/// the frame data stack.
#[repr(C)]
pub struct ThreadState {
    pub prev: *mut ThreadState,
    pub next: *mut ThreadState,
    pub interp: *mut c_void,
    pub _initialized: c_int,
    pub _static: c_int,
    pub recursion_remaining: c_int,
    pub recursion_limit: c_int,
    pub recursion_headroom: c_int,
    pub tracing: c_int,
    pub tracing_what: c_int,
    pub cframe: *mut CFrame,
    pub c_profilefunc: *mut c_void,
    pub c_tracefunc: *mut c_void,
    pub c_profileobj: *mut PyObject,
    pub c_traceobj: *mut PyObject,
    pub curexc_type: *mut PyObject,
    pub curexc_value: *mut PyObject,
    pub curexc_traceback: *mut PyObject,
    pub exc_info: *mut c_void,
    pub dict: *mut PyObject,
    pub gilstate_counter: c_int,
    pub async_exc: *mut PyObject,
    pub thread_id: u64,
    pub native_thread_id: u64,
    pub trash_delete_nesting: c_int,
    pub trash_delete_later: *mut PyObject,
    pub on_delete: *mut c_void,
    pub on_delete_data: *mut c_void,
    pub coroutine_origin_tracking_depth: c_int,
    pub async_gen_firstiter: *mut PyObject,
    pub async_gen_finalizer: *mut PyObject,
    pub context: *mut PyObject,
    pub context_ver: u64,
    pub id: u64,
    pub trace_info: TraceInfo,
    pub datastack_chunk: *mut c_void,
    pub datastack_top: *mut *mut PyObject,
    pub datastack_limit: *mut *mut PyObject,
}

/// `PyTraceInfo`, embedded in the thread state; only its size matters here.
#[repr(C)]
pub struct TraceInfo {
    pub code: *mut CodeObject,
    pub bounds: CodeAddressRange,
}

/// `PyCodeAddressRange` (Include/cpython/code.h).
#[repr(C)]
pub struct CodeAddressRange {
    pub ar_start: c_int,
    pub ar_end: c_int,
    pub ar_line: c_int,
    pub opaque: LineOpaque,
}

/// `struct _opaque` (Include/cpython/code.h).
#[repr(C)]
pub struct LineOpaque {
    pub computed_line: c_int,
    pub lo_next: *const u8,
    pub limit: *const u8,
}

/// Prefix of `struct _is` (`PyInterpreterState`,
/// Include/internal/pycore_interp.h) up to the eval-loop state.
#[repr(C)]
pub struct InterpreterState {
    pub next: *mut InterpreterState,
    pub threads: Threads,
    pub runtime: *mut c_void,
    pub id: i64,
    pub id_refcount: i64,
    pub requires_idref: c_int,
    pub id_mutex: *mut c_void,
    pub _initialized: c_int,
    pub finalizing: c_int,
    pub _static: bool,
    pub ceval: CevalState,
}

/// `struct pythreads`, embedded in the interpreter state.
#[repr(C)]
pub struct Threads {
    pub next_unique_id: u64,
    pub head: *mut ThreadState,
    pub count: std::os::raw::c_long,
    pub stacksize: usize,
}

/// `struct _ceval_state`: the interpreter's eval-breaker flags.
#[repr(C)]
pub struct CevalState {
    pub recursion_limit: c_int,
    /// Non-zero when the eval loop must handle signals, pending calls, a
    /// GIL drop request or an asynchronous exception.
    pub eval_breaker: c_int,
    pub gil_drop_request: c_int,
    pub pending: PendingCalls,
}

/// Prefix of `struct _pending_calls`.
#[repr(C)]
pub struct PendingCalls {
    pub lock: *mut c_void,
    pub calls_to_do: c_int,
    pub async_exc: c_int,
}

/// `PyMethodObject` (Include/cpython/classobject.h): a bound method.
#[repr(C)]
pub struct MethodObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub im_func: *mut PyObject,
    pub im_self: *mut PyObject,
}

/// `struct _longobject` (Include/cpython/longintrepr.h): an int, as
/// `|ob_size|` 30-bit digits with the sign in `ob_size`.
#[repr(C)]
pub struct LongObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub ob_size: Py_ssize_t,
    pub ob_digit: [u32; 1],
}

/// Bits per int digit (`PyLong_SHIFT`).
pub const LONG_SHIFT: u32 = 30;

/// `PyFloatObject` (Include/cpython/floatobject.h).
#[repr(C)]
pub struct FloatObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub ob_fval: f64,
}

/// `PyListObject` (Include/cpython/listobject.h).
#[repr(C)]
pub struct ListObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub ob_size: Py_ssize_t,
    pub ob_item: *mut *mut PyObject,
    pub allocated: Py_ssize_t,
}

/// `PyTupleObject` (Include/cpython/tupleobject.h): items follow inline.
#[repr(C)]
pub struct TupleObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub ob_size: Py_ssize_t,
    pub ob_item: [*mut PyObject; 0],
}

/// `rangeiterobject` (Objects/rangeobject.c, private; checked live by
/// tests/layout.rs): the iterator of a range whose bounds fit a C long.
#[repr(C)]
pub struct RangeIterObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub index: std::os::raw::c_long,
    pub start: std::os::raw::c_long,
    pub step: std::os::raw::c_long,
    pub len: std::os::raw::c_long,
}

/// `_PyListIterObject` (Objects/listobject.c, private; checked live).
#[repr(C)]
pub struct ListIterObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub it_index: Py_ssize_t,
    /// NULL once exhausted.
    pub it_seq: *mut ListObject,
}

/// `PyDictObject` (Include/cpython/dictobject.h).
#[repr(C)]
pub struct DictObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub ma_used: Py_ssize_t,
    pub ma_version_tag: u64,
    pub ma_keys: *mut DictKeysObject,
    pub ma_values: *mut c_void,
}

/// `PyModuleObject` (Include/internal/pycore_moduleobject.h), its head.
#[repr(C)]
pub struct ModuleObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    /// NULL once the module is cleared.
    pub md_dict: *mut PyObject,
}

/// `struct _dictkeysobject` (Include/internal/pycore_dict.h); the index
/// table of `1 << dk_log2_index_bytes` bytes follows, then the entries.
#[repr(C)]
pub struct DictKeysObject {
    pub dk_refcnt: Py_ssize_t,
    pub dk_log2_size: u8,
    pub dk_log2_index_bytes: u8,
    pub dk_kind: u8,
    pub dk_version: u32,
    pub dk_usable: Py_ssize_t,
    pub dk_nentries: Py_ssize_t,
    pub dk_indices: [u8; 0],
}

/// `dk_kind` of a table with keys of any type (entries with hashes).
pub const DICT_KEYS_GENERAL: u8 = 0;
/// `dk_kind` of a table whose keys are all str (entries without hashes).
pub const DICT_KEYS_UNICODE: u8 = 1;

/// `PyDictUnicodeEntry`: an entry of a str-keyed table.
#[repr(C)]
pub struct DictUnicodeEntry {
    pub me_key: *mut PyObject,
    pub me_value: *mut PyObject,
}

impl DictKeysObject {
    /// The entries of a table (`DK_ENTRIES`).
    ///
    /// # Safety
    /// A live keys object.
    pub unsafe fn entries(keys: *mut DictKeysObject) -> *mut u8 {
        // SAFETY: the entries follow the index table, whose size in bytes
        // is `1 << dk_log2_index_bytes` (pycore_dict.h).
        unsafe {
            let indices = std::ptr::addr_of_mut!((*keys).dk_indices) as *mut u8;
            indices.add(1usize << (*keys).dk_log2_index_bytes)
        }
    }
}

/// `PyCodeObject` (Include/cpython/code.h, `_PyCode_DEF`).
#[repr(C)]
pub struct CodeObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub ob_size: Py_ssize_t,
    pub co_consts: *mut PyObject,
    pub co_names: *mut PyObject,
    pub co_exceptiontable: *mut PyObject,
    pub co_flags: c_int,
    pub co_warmup: c_short,
    pub _co_linearray_entry_size: c_short,
    pub co_argcount: c_int,
    pub co_posonlyargcount: c_int,
    pub co_kwonlyargcount: c_int,
    pub co_stacksize: c_int,
    pub co_firstlineno: c_int,
    pub co_nlocalsplus: c_int,
    pub co_nlocals: c_int,
    pub co_nplaincellvars: c_int,
    pub co_ncellvars: c_int,
    pub co_nfreevars: c_int,
    pub co_localsplusnames: *mut PyObject,
    pub co_localspluskinds: *mut PyObject,
    pub co_filename: *mut PyObject,
    pub co_name: *mut PyObject,
    pub co_qualname: *mut PyObject,
    pub co_linetable: *mut PyObject,
    pub co_weakreflist: *mut PyObject,
    pub _co_code: *mut PyObject,
    pub _co_linearray: *mut c_char,
    pub _co_firsttraceable: c_int,
    /// `_PyCodeObjectExtra *`, the PEP 523 scratch slots.
    pub co_extra: *mut CodeExtra,
    /// The (quickened) bytecode; its length is `ob_size` code units.
    pub co_code_adaptive: [CodeUnit; 0],
}

/// `_PyCodeObjectExtra` (Objects/codeobject.c): `ce_size` slots follow.
#[repr(C)]
pub struct CodeExtra {
    pub ce_size: Py_ssize_t,
    pub ce_extras: [*mut c_void; 0],
}

/// `PyGenObject` (Include/cpython/genobject.h, 3.11): the generator's
/// frame is embedded at `gi_iframe`.
#[repr(C)]
pub struct GenObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    pub gi_code: *mut PyObject,
    pub gi_weakreflist: *mut PyObject,
    pub gi_name: *mut PyObject,
    pub gi_qualname: *mut PyObject,
    pub gi_exc_state: [*mut c_void; 2],
    pub gi_origin_or_finalizer: *mut PyObject,
    pub gi_hooks_inited: c_char,
    pub gi_closed: c_char,
    pub gi_running_async: c_char,
    pub gi_frame_state: i8,
    pub gi_iframe: [*mut PyObject; 1],
}

/// `gi_frame_state` of a generator suspended at a yield (`FRAME_SUSPENDED`).
pub const FRAME_SUSPENDED: i8 = -1;

/// `co_flags` bits (Include/cpython/code.h).
pub const CO_GENERATOR: c_int = 0x0020;
pub const CO_COROUTINE: c_int = 0x0080;
pub const CO_ITERABLE_COROUTINE: c_int = 0x0100;
pub const CO_ASYNC_GENERATOR: c_int = 0x0200;

/// Code whose frames become generator, coroutine or async-generator frames.
pub const CO_SUSPENDABLE: c_int =
    CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR;

/// `struct _PyWeakReference` prefix (Include/cpython/weakrefobject.h).
#[repr(C)]
pub struct WeakReference {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut c_void,
    /// The referent, or `Py_None` once it has died.
    pub wr_object: *mut PyObject,
}

impl InterpreterFrame {
    /// `_PyFrame_IsIncomplete`: the frame has not yet run its prologue.
    ///
    /// # Safety
    /// A live frame.
    pub unsafe fn is_incomplete(frame: *mut InterpreterFrame) -> bool {
        // SAFETY: a live frame and its code object.
        unsafe {
            let code = (*frame).f_code;
            (*frame).owner != FRAME_OWNED_BY_GENERATOR
                && (*frame).prev_instr < CodeObject::first_instr(code).add((*code)._co_firsttraceable as usize)
        }
    }

    /// Pointer to `localsplus[index]`.
    ///
    /// # Safety
    /// `frame` must point to a live frame and `index` must be below
    /// `co_nlocalsplus + co_stacksize` of its code.
    #[inline(always)]
    pub unsafe fn local_ptr(frame: *mut InterpreterFrame, index: usize) -> *mut *mut PyObject {
        // SAFETY: `localsplus` is the trailing array of the frame; the caller
        // guarantees `index` is within the frame's allocated slots.
        unsafe { (std::ptr::addr_of_mut!((*frame).localsplus) as *mut *mut PyObject).add(index) }
    }
}

impl CodeObject {
    /// First code unit of the bytecode (`_PyCode_CODE`).
    ///
    /// # Safety
    /// `code` must point to a live code object.
    #[inline(always)]
    pub unsafe fn first_instr(code: *mut CodeObject) -> *mut CodeUnit {
        // SAFETY: `co_code_adaptive` is the trailing array of the code object.
        unsafe { std::ptr::addr_of_mut!((*code).co_code_adaptive) as *mut CodeUnit }
    }
}
