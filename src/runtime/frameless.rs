//! Building the frames a chain of frameless self calls left pending (see
//! `compiler::frameless`) and handing them to the interpreter.
//!
//! A frameless activation's space on the data stack is laid out as its
//! frame would be, its locals and value stack holding unboxed ints; its
//! header holds only `f_code = NULL` (the mark of a frame not built) and,
//! while it waits in a call, the call's site in `prev_instr`. Activations
//! are contiguous and all of one size, above the chain's root: the real
//! frame of the same code whose native code called the first of them.
//!
//! When one activation cannot go on, [`stop`] builds all of the chain's
//! frames (boxing their values, linking each to the one below), runs the
//! stopped one in the interpreter from its site, then clears and pops it
//! and returns its result. Each waiting activation, on its callee's
//! return, finds its callee popped (so itself built) and calls
//! [`resume_after_call`], which gives the interpreter the result (or the
//! exception) at the CALL and runs the rest of the frame there.

use crate::compiler::frameless::{At, Kind, Site};
use crate::cpython::layout::{CFrame, CodeObject, InterpreterFrame, ThreadState, FRAME_OWNED_BY_THREAD};
use crate::stats;
use pyo3::ffi;

/// What the runtime needs to know of a frameless body; owned by its
/// native code.
pub struct FramelessInfo {
    pub code: *mut CodeObject,
    pub nlocalsplus: usize,
    pub argcount: usize,
    /// Size of each activation (and frame), in bytes.
    pub frame_bytes: usize,
    pub sites: Vec<Site>,
}

/// Stops the chain at the activation `frame` (its recursion count already
/// given back), at site `site`: builds the chain's frames, runs this one
/// in the interpreter, clears and pops it. Returns its result.
///
/// # Safety
/// Called from a frameless body with the GIL held, for its own
/// activation; `info` its body's.
pub unsafe extern "C" fn stop(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    info: *const FramelessInfo,
    site: u32,
) -> *mut ffi::PyObject {
    // SAFETY: as above: every activation down to the root is laid out as
    // `info` says, and the root is a complete frame of the same code.
    unsafe {
        let info = &*info;
        let mut chain = vec![frame];
        let mut f = frame;
        loop {
            f = (f as *mut u8).sub(info.frame_bytes) as *mut InterpreterFrame;
            if !(*f).f_code.is_null() {
                break;
            }
            chain.push(f);
        }
        let root = f;
        chain.reverse();
        stats::FRAMES_BUILT.add(chain.len() as u64);
        let mut ok = true;
        let mut previous = root;
        for &f in &chain {
            let at = if f == frame { site } else { (*f).prev_instr as usize as u32 };
            ok &= build(info, f, root, previous, info.sites.get(at as usize));
            previous = f;
        }
        let throw = !ok;
        if throw {
            // An int could not be boxed: the MemoryError leaves from here.
            let first = CodeObject::first_instr(info.code);
            (*frame).prev_instr = (*frame).prev_instr.add(1).max(first);
        }
        run_and_pop(tstate, frame, throw)
    }
}

/// The activation `frame`, built by a [`stop`] above it while it waited at
/// CALL site `site`, gets its callee's `result` (NULL: an exception is
/// set) and runs on in the interpreter; then it is cleared and popped.
/// Returns its result.
///
/// # Safety
/// As for [`stop`]; `frame` built, its callee cleared and popped.
pub unsafe extern "C" fn resume_after_call(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    info: *const FramelessInfo,
    site: u32,
    result: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: as above.
    unsafe {
        let info = &*info;
        // The interpreter counts the frame itself.
        (*tstate).recursion_remaining += 1;
        let first = CodeObject::first_instr(info.code);
        let throw = result.is_null();
        if let Some(Site { at: At::Call { last, base }, .. }) = info.sites.get(site as usize) {
            let base = info.nlocalsplus + *base as usize;
            // As the interpreter leaves a frame whose Python callee
            // returned or raised: on the CALL's last cache unit.
            (*frame).prev_instr = first.add(*last as usize);
            if throw {
                (*frame).stacktop = base as i32;
            } else {
                *InterpreterFrame::local_ptr(frame, base) = result;
                (*frame).stacktop = base as i32 + 1;
            }
        }
        run_and_pop(tstate, frame, throw)
    }
}

/// Builds the frame of activation `f` of the chain rooted at `root`,
/// linked to `previous`, stopped at `site`. Returns false if an int could
/// not be boxed (its slot is then NULL and a MemoryError set).
unsafe fn build(
    info: &FramelessInfo,
    f: *mut InterpreterFrame,
    root: *mut InterpreterFrame,
    previous: *mut InterpreterFrame,
    site: Option<&Site>,
) -> bool {
    // SAFETY: `f` is an activation's space, `root` a complete frame whose
    // function runs the chain (caller).
    unsafe {
        let mut ok = true;
        let mut boxed = |slot: *mut *mut ffi::PyObject| {
            let obj = ffi::PyLong_FromLongLong(*slot as i64);
            ok &= !obj.is_null();
            *slot = obj;
        };
        let (stack, locals): (&[Kind], &[u32]) = site.map_or((&[], &[]), |s| (&s.stack, &s.locals));
        for i in 0..info.nlocalsplus {
            let slot = InterpreterFrame::local_ptr(f, i);
            if i < info.argcount || locals.contains(&(i as u32)) {
                boxed(slot);
            } else {
                *slot = std::ptr::null_mut();
            }
        }
        let first = CodeObject::first_instr(info.code);
        let prev_instr = match site.map(|s| s.at) {
            Some(At::Resume { start }) => first.add(start as usize).wrapping_sub(1),
            Some(At::Call { last, .. }) => first.add(last as usize),
            None => first.wrapping_sub(1),
        };
        let func = (*root).f_func;
        for (d, kind) in stack.iter().enumerate() {
            let slot = InterpreterFrame::local_ptr(f, info.nlocalsplus + d);
            match kind {
                Kind::Int => boxed(slot),
                Kind::Null => *slot = std::ptr::null_mut(),
                Kind::Callee => *slot = ffi::Py_NewRef(func as *mut ffi::PyObject),
            }
        }
        ffi::Py_INCREF(func as *mut ffi::PyObject);
        ffi::Py_INCREF(info.code as *mut ffi::PyObject);
        (*f).f_func = func;
        (*f).f_code = info.code;
        (*f).f_globals = (*root).f_globals;
        (*f).f_builtins = (*root).f_builtins;
        (*f).f_locals = std::ptr::null_mut();
        (*f).frame_obj = std::ptr::null_mut();
        (*f).previous = previous;
        (*f).prev_instr = prev_instr;
        (*f).stacktop = (info.nlocalsplus + stack.len()) as i32;
        (*f).is_entry = false;
        (*f).owner = FRAME_OWNED_BY_THREAD;
        ok
    }
}

/// Runs the built frame `f` in the interpreter (raising the set exception
/// at its `prev_instr` if `throw`), then clears and pops it.
unsafe fn run_and_pop(tstate: *mut ThreadState, f: *mut InterpreterFrame, throw: bool) -> *mut ffi::PyObject {
    // SAFETY: `f` is complete and on top of the thread's data stack; the
    // thread's current frame is the one below it, which the interpreter
    // links it to.
    unsafe {
        let cframe = (*tstate).cframe as *mut CFrame;
        (*cframe).current_frame = (*f).previous;
        let result = if throw && (*cframe).use_tracing != 0 {
            super::control::resume_raising_traced(tstate, f)
        } else {
            crate::cpython::api::_PyEval_EvalFrameDefault(tstate, f, throw as i32)
        };
        super::frames::clear(tstate, f);
        (*tstate).datastack_top = f as *mut _;
        result
    }
}
