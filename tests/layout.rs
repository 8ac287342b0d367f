//! The interpreter-struct mirrors in `src/cpython/layout.rs` against the
//! running interpreter: every field offset against a table compiled from the
//! installed headers, and the fields the JIT reads against live objects.

use diojit::cpython::api::{self, EvalFrameFn};
use diojit::cpython::layout::*;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCode, PyDict};
use std::collections::BTreeMap;
use std::ffi::{c_char, CStr, CString};
use std::mem::offset_of;
use std::os::raw::c_int;
use std::sync::Mutex;

macro_rules! offsets {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {
        vec![$($((concat!(stringify!($ty), ".", stringify!($field)), offset_of!($ty, $field)),)*)*]
    };
}

fn rust_offsets() -> Vec<(&'static str, usize)> {
    offsets! {
        InterpreterFrame { f_func, f_globals, f_builtins, f_locals, f_code, frame_obj, previous,
            prev_instr, stacktop, is_entry, owner, localsplus }
        CFrame { use_tracing, current_frame, previous }
        ThreadState { prev, next, interp, _initialized, _static, recursion_remaining,
            recursion_limit, recursion_headroom, tracing, tracing_what, cframe, c_profilefunc,
            c_tracefunc, c_profileobj, c_traceobj, curexc_type, curexc_value, curexc_traceback,
            exc_info, dict, gilstate_counter, async_exc, thread_id, native_thread_id,
            trash_delete_nesting, trash_delete_later, on_delete, on_delete_data,
            coroutine_origin_tracking_depth, async_gen_firstiter, async_gen_finalizer, context,
            context_ver, id, trace_info, datastack_chunk, datastack_top, datastack_limit }
        TraceInfo { code, bounds }
        CodeAddressRange { ar_start, ar_end, ar_line, opaque }
        LineOpaque { computed_line, lo_next, limit }
        CodeObject { ob_refcnt, ob_type, ob_size, co_consts, co_names, co_exceptiontable,
            co_flags, co_warmup, _co_linearray_entry_size, co_argcount, co_posonlyargcount,
            co_kwonlyargcount, co_stacksize, co_firstlineno, co_nlocalsplus, co_nlocals,
            co_nplaincellvars, co_ncellvars, co_nfreevars, co_localsplusnames,
            co_localspluskinds, co_filename, co_name, co_qualname, co_linetable,
            co_weakreflist, _co_code, _co_linearray, _co_firsttraceable, co_extra,
            co_code_adaptive }
        WeakReference { ob_refcnt, ob_type, wr_object }
        InterpreterState { next, threads, runtime, id, id_refcount, requires_idref, id_mutex,
            _initialized, finalizing, _static, ceval }
        Threads { next_unique_id, head, count, stacksize }
        CevalState { recursion_limit, eval_breaker, gil_drop_request, pending }
        PendingCalls { lock, calls_to_do, async_exc }
        MethodObject { ob_refcnt, ob_type, im_func, im_self }
        LongObject { ob_refcnt, ob_type, ob_size, ob_digit }
        FloatObject { ob_refcnt, ob_type, ob_fval }
        ListObject { ob_refcnt, ob_type, ob_size, ob_item, allocated }
        TupleObject { ob_refcnt, ob_type, ob_size, ob_item }
        ModuleObject { ob_refcnt, ob_type, md_dict }
        GenObject { ob_refcnt, ob_type, gi_code, gi_weakreflist, gi_name, gi_qualname, gi_exc_state,
            gi_origin_or_finalizer, gi_hooks_inited, gi_closed, gi_running_async, gi_frame_state, gi_iframe }
        DictObject { ob_refcnt, ob_type, ma_used, ma_version_tag, ma_keys, ma_values }
        DictKeysObject { dk_refcnt, dk_log2_size, dk_log2_index_bytes, dk_kind, dk_version,
            dk_usable, dk_nentries, dk_indices }
        DictUnicodeEntry { me_key, me_value }
        FrameObject { ob_refcnt, ob_type, f_back, f_frame, f_trace, f_lineno, f_trace_lines,
            f_trace_opcodes, f_fast_as_locals, _f_frame_data }
    }
}

/// Every `pub field:` of every mirror declared in layout.rs, by parsing it.
fn declared_fields() -> Vec<String> {
    let src = include_str!("../src/cpython/layout.rs");
    let mut out = Vec::new();
    let mut current: Option<&str> = None;
    for line in src.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub struct ") {
            current = rest.split_whitespace().next();
        } else if line == "}" {
            current = None;
        } else if let (Some(ty), Some(rest)) = (current, line.strip_prefix("pub ")) {
            if let Some((field, _)) = rest.split_once(':') {
                out.push(format!("{ty}.{field}"));
            }
        }
    }
    out
}

#[repr(C)]
struct COffset {
    name: *const c_char,
    value: std::os::raw::c_long,
}

#[cfg(diojit_c_offsets)]
fn header_offsets() -> BTreeMap<String, usize> {
    extern "C" {
        static diojit_c_offsets: [COffset; 0];
    }
    let mut out = BTreeMap::new();
    // SAFETY: the table is a static array terminated by a NULL name.
    unsafe {
        let mut p = std::ptr::addr_of!(diojit_c_offsets) as *const COffset;
        while !(*p).name.is_null() {
            let name = CStr::from_ptr((*p).name).to_str().unwrap().to_owned();
            out.insert(name, (*p).value as usize);
            p = p.add(1);
        }
    }
    out
}

#[cfg(not(diojit_c_offsets))]
fn header_offsets() -> BTreeMap<String, usize> {
    panic!("the interpreter's internal headers were not found at build time (install python3.11-dev)");
}

#[test]
fn every_mirrored_field_matches_the_interpreter_headers() {
    let header = header_offsets();
    let rust = rust_offsets();
    let mut mismatches = Vec::new();
    for (name, offset) in &rust {
        match header.get(*name) {
            Some(&h) if h == *offset => {}
            Some(&h) => mismatches.push(format!("{name}: mirror {offset}, headers {h}")),
            None => mismatches.push(format!("{name}: missing from src/cpython/offsets.c")),
        }
    }
    assert!(mismatches.is_empty(), "layout drift:\n{}", mismatches.join("\n"));
    let checked: Vec<&str> = rust.iter().map(|(n, _)| *n).collect();
    for field in declared_fields() {
        // Private structs of .c files, checked against live objects below.
        let private = ["CodeExtra.", "RangeIterObject.", "ListIterObject."].iter().any(|p| field.starts_with(p));
        assert!(private || checked.contains(&field.as_str()), "{field} is mirrored but not checked");
    }
    // Fields read at run time through `cpython::offsets`, not mirrored.
    const RUNTIME_ONLY: [&str; 7] = [
        "InterpreterState.eval_frame",
        "RuntimeState.gilstate.tstate_current",
        "InterpreterState.float_state",
        "FloatState.numfree",
        "FloatState.free_list",
        "FloatState.MAXFREELIST",
        "TraceMallocConfig.tracing",
    ];
    assert_eq!(header.len(), rust.len() + RUNTIME_ONLY.len(), "offsets.c and this test list different fields");
    for name in RUNTIME_ONLY {
        assert_eq!(diojit::cpython::offsets::header_offset(name), header.get(name).copied(), "{name}");
    }
}

#[test]
fn code_object_fields_match_a_live_code_object() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            &CString::new("def f(a, b, /, c, *, d=1):\n    x = a\n    def g(): return x\n    return g\n").unwrap(),
            Some(&globals),
            None,
        )
        .unwrap();
        let code = globals.get_item("f").unwrap().unwrap().getattr("__code__").unwrap();
        let code = code.cast_into::<PyCode>().unwrap();
        let raw = code.as_ptr() as *mut CodeObject;
        let basicsize: usize = code.get_type().getattr("__basicsize__").unwrap().extract().unwrap();
        assert_eq!(offset_of!(CodeObject, co_code_adaptive), basicsize);
        let attr = |name: &str| -> i64 { code.getattr(name).unwrap().extract().unwrap() };
        // SAFETY: `raw` is a live code object held by `code`.
        unsafe {
            assert_eq!((*raw).co_argcount as i64, attr("co_argcount"));
            assert_eq!((*raw).co_posonlyargcount as i64, attr("co_posonlyargcount"));
            assert_eq!((*raw).co_kwonlyargcount as i64, attr("co_kwonlyargcount"));
            assert_eq!((*raw).co_stacksize as i64, attr("co_stacksize"));
            assert_eq!((*raw).co_flags as i64, attr("co_flags"));
            assert_eq!((*raw).co_firstlineno as i64, attr("co_firstlineno"));
            assert_eq!((*raw).co_nlocals as i64, attr("co_nlocals"));
            assert_eq!((*raw).co_ncellvars, 1);
            // a, b, c, d, x, g: x is both a local and a cell.
            assert_eq!((*raw).co_nlocalsplus, 6);
            assert_eq!((*raw).co_name, code.getattr("co_name").unwrap().as_ptr());
            assert_eq!((*raw).co_consts, code.getattr("co_consts").unwrap().as_ptr());
            assert_eq!((*raw).co_names, code.getattr("co_names").unwrap().as_ptr());
            assert_eq!((*raw).co_filename, code.getattr("co_filename").unwrap().as_ptr());
            assert_eq!((*raw).co_qualname, code.getattr("co_qualname").unwrap().as_ptr());
            assert_eq!((*raw).co_exceptiontable, code.getattr("co_exceptiontable").unwrap().as_ptr());
            let units = (*raw).ob_size as usize;
            let co_code: Vec<u8> = code.getattr("co_code").unwrap().extract().unwrap();
            assert_eq!(units * 2, co_code.len());
            // Unquickened code: the adaptive copy equals co_code.
            let adaptive = std::slice::from_raw_parts(CodeObject::first_instr(raw) as *const u8, units * 2);
            assert_eq!(adaptive, &co_code[..]);
        }
    });
}

#[test]
fn code_extra_mirror_reads_what_the_api_stored() {
    unsafe extern "C" fn no_free(_: *mut std::ffi::c_void) {}
    Python::attach(|py| {
        let code = py.eval(c"compile('1', 's', 'eval')", None, None).unwrap();
        let raw = code.as_ptr() as *mut CodeObject;
        // SAFETY: GIL held; the code object is alive for the whole block.
        unsafe {
            let index = ffi::PyUnstable_Eval_RequestCodeExtraIndex(no_free);
            assert!(index >= 0);
            let marker = 0x5eed_usize as *mut std::ffi::c_void;
            assert_eq!(ffi::PyUnstable_Code_SetExtra(code.as_ptr(), index, marker), 0);
            let extra = (*raw).co_extra;
            assert!(!extra.is_null());
            assert!((*extra).ce_size > index);
            let slots = std::ptr::addr_of!((*extra).ce_extras) as *const *mut std::ffi::c_void;
            assert_eq!(*slots.add(index as usize), marker);
            ffi::PyUnstable_Code_SetExtra(code.as_ptr(), index, std::ptr::null_mut());
        }
    });
}

#[test]
fn weakref_mirror_points_at_the_referent() {
    Python::attach(|py| {
        let cls = py.eval(c"type('K', (), {})", None, None).unwrap();
        // SAFETY: GIL held; `weak` is a new reference released below.
        unsafe {
            let weak = ffi::PyWeakref_NewRef(cls.as_ptr(), std::ptr::null_mut());
            assert!(!weak.is_null());
            assert_eq!((*(weak as *mut WeakReference)).wr_object, cls.as_ptr());
            ffi::Py_DECREF(weak);
        }
    });
}

/// What a probe hook saw in the frame of `probe(arg)`.
#[derive(Default, Debug)]
struct Seen {
    code_matches: bool,
    globals_match: bool,
    builtins_is_dict: bool,
    func_matches: bool,
    first_local: usize,
    fresh_prev_instr: bool,
    stacktop_is_nlocalsplus: bool,
    owned_by_thread: bool,
    links_to_current: bool,
    tracing: u8,
    frame_on_data_stack: bool,
    thread_id: u64,
    native_thread_id: u64,
    recursion_limit: i32,
}

static SEEN: Mutex<Option<Seen>> = Mutex::new(None);
static HOOK_LOCK: Mutex<()> = Mutex::new(());

unsafe extern "C" fn probe_hook(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    throwflag: c_int,
) -> *mut ffi::PyObject {
    // SAFETY: called by CPython with live pointers and the GIL held.
    unsafe {
        let code = (*frame).f_code;
        let name = ffi::PyUnicode_AsUTF8((*code).co_name);
        if !name.is_null() && CStr::from_ptr(name).to_bytes() == b"probe" {
            let func = (*frame).f_func as *mut ffi::PyObject;
            let func_code = ffi::PyObject_GetAttrString(func, c"__code__".as_ptr());
            let func_globals = ffi::PyObject_GetAttrString(func, c"__globals__".as_ptr());
            let cframe = (*tstate).cframe;
            let top = (*tstate).datastack_top as usize;
            let here = frame as usize;
            *SEEN.lock().unwrap() = Some(Seen {
                code_matches: func_code == code as *mut ffi::PyObject,
                globals_match: func_globals == (*frame).f_globals,
                builtins_is_dict: ffi::PyDict_Check((*frame).f_builtins) != 0,
                func_matches: ffi::PyFunction_Check(func) != 0,
                first_local: *InterpreterFrame::local_ptr(frame, 0) as usize,
                fresh_prev_instr: (*frame).prev_instr == CodeObject::first_instr(code).sub(1),
                stacktop_is_nlocalsplus: (*frame).stacktop == (*code).co_nlocalsplus,
                owned_by_thread: (*frame).owner == FRAME_OWNED_BY_THREAD,
                links_to_current: !(*cframe).current_frame.is_null()
                    && (*(*cframe).current_frame).f_code != code,
                tracing: (*cframe).use_tracing,
                frame_on_data_stack: here < top && top - here < 4096,
                thread_id: (*tstate).thread_id,
                native_thread_id: (*tstate).native_thread_id,
                recursion_limit: (*tstate).recursion_limit,
            });
            ffi::Py_DECREF(func_code);
            ffi::Py_DECREF(func_globals);
        }
        api::_PyEval_EvalFrameDefault(tstate, frame, throwflag)
    }
}

#[test]
fn frame_and_thread_state_fields_match_a_live_call() {
    let _serial = HOOK_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"import threading, sys\ndef probe(x):\n    y = x\n    return y\nmarker = object()\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let marker = globals.get_item("marker").unwrap().unwrap();
        // SAFETY: GIL held; the hook is removed before the closure returns.
        unsafe { api::set_eval_frame(Some(probe_hook as EvalFrameFn)) };
        let result = py.run(c"probe(marker)", Some(&globals), None);
        // SAFETY: as above.
        unsafe { api::set_eval_frame(None) };
        result.unwrap();
        let seen = SEEN.lock().unwrap().take().expect("hook saw probe()");
        assert!(seen.code_matches && seen.globals_match && seen.builtins_is_dict && seen.func_matches, "{seen:?}");
        assert_eq!(seen.first_local, marker.as_ptr() as usize);
        assert!(seen.fresh_prev_instr && seen.stacktop_is_nlocalsplus && seen.owned_by_thread, "{seen:?}");
        assert!(seen.links_to_current && seen.frame_on_data_stack, "{seen:?}");
        assert_eq!(seen.tracing, 0);
        let ident: u64 = py.eval(c"__import__('threading').get_ident()", None, None).unwrap().extract().unwrap();
        let native: u64 = py.eval(c"__import__('threading').get_native_id()", None, None).unwrap().extract().unwrap();
        let limit: i32 = py.eval(c"__import__('sys').getrecursionlimit()", None, None).unwrap().extract().unwrap();
        assert_eq!(seen.thread_id, ident);
        assert_eq!(seen.native_thread_id, native);
        assert_eq!(seen.recursion_limit, limit);
    });
}

#[test]
fn use_tracing_is_set_while_a_profiler_is_active() {
    let _serial = HOOK_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(c"import sys\ndef probe(x):\n    return x\n", Some(&globals), None).unwrap();
        // SAFETY: GIL held; the hook is removed before the closure returns.
        unsafe { api::set_eval_frame(Some(probe_hook as EvalFrameFn)) };
        let result = py.run(
            c"sys.setprofile(lambda *a: None)\ntry:\n    probe(1)\nfinally:\n    sys.setprofile(None)\n",
            Some(&globals),
            None,
        );
        // SAFETY: as above.
        unsafe { api::set_eval_frame(None) };
        result.unwrap();
        let seen = SEEN.lock().unwrap().take().expect("hook saw probe()");
        assert_eq!(seen.tracing, 255);
    });
}

#[test]
fn curexc_fields_hold_the_pending_exception() {
    Python::attach(|_py| {
        let tstate = api::thread_state();
        // SAFETY: GIL held; the error is cleared again before returning.
        unsafe {
            ffi::PyErr_SetString(ffi::PyExc_KeyError, c"k".as_ptr());
            let key_error = ffi::PyExc_KeyError;
            assert_eq!((*tstate).curexc_type, key_error);
            assert!(!(*tstate).curexc_value.is_null());
            ffi::PyErr_Clear();
            assert!((*tstate).curexc_type.is_null());
        }
    });
}

#[test]
fn iterator_mirrors_read_live_iterators() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"r = iter(range(5, 100, 3)); next(r); next(r)\nxs = [1, 2, 3]; li = iter(xs); next(li)\nd = {'a': 1, 'bb': 2}",
            Some(&globals),
            None,
        )
        .unwrap();
        let get = |n: &str| globals.get_item(n).unwrap().unwrap();
        let (r, li, xs, d) = (get("r"), get("li"), get("xs"), get("d"));
        // SAFETY: live objects of the mirrored types, GIL held.
        unsafe {
            let r = r.as_ptr() as *mut RangeIterObject;
            assert_eq!(((*r).index, (*r).start, (*r).step, (*r).len), (2, 5, 3, 32));
            let li = li.as_ptr() as *mut ListIterObject;
            assert_eq!((*li).it_index, 1);
            assert_eq!((*li).it_seq as usize, xs.as_ptr() as usize);
            let list = xs.as_ptr() as *mut ListObject;
            assert_eq!((*list).ob_size, 3);
            let three = ffi::PyLong_FromLong(3); // a cached small int
            assert_eq!(*(*list).ob_item.add(2), three);
            ffi::Py_DECREF(three);
            let dict = d.as_ptr() as *mut DictObject;
            let keys = (*dict).ma_keys;
            assert_eq!((*keys).dk_kind, DICT_KEYS_UNICODE);
            assert_eq!((*keys).dk_nentries, 2);
            let entries = DictKeysObject::entries(keys) as *mut DictUnicodeEntry;
            let key: String = Bound::from_borrowed_ptr(py, (*entries.add(1)).me_key).extract().unwrap();
            assert_eq!(key, "bb");
            let value: i64 = Bound::from_borrowed_ptr(py, (*entries.add(1)).me_value).extract().unwrap();
            assert_eq!(value, 2);
        }
    });
}
