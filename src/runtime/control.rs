//! Periodic work and bookkeeping at safe points in native code: the eval
//! breaker (signals, pending calls, GIL hand-off, asynchronous exceptions)
//! and side-exit accounting.

use crate::cpython::layout::{CodeObject, InterpreterFrame, InterpreterState, ThreadState};
use crate::cpython::opcode::Op;
use crate::profile::CodeState;
use crate::stats;
use pyo3::ffi;
use std::os::raw::c_int;
use std::sync::atomic::{AtomicI32, Ordering};

/// What `eval_frame_handle_pending` does when the eval breaker is set,
/// through the interpreter's exported entry points. Returns -1 with an
/// exception set if a signal handler or pending call raised, or an
/// asynchronous exception was delivered.
///
/// # Safety
/// Called from native code with the GIL held; `tstate` is the caller's.
pub unsafe extern "C" fn handle_eval_breaker(tstate: *mut ThreadState) -> c_int {
    super::guard("handle_eval_breaker", -1, || {
        // SAFETY: GIL held, live thread state.
        unsafe {
            // Signals, then pending calls (each only on the thread allowed
            // to run them); both also recompute the breaker.
            if ffi::Py_MakePendingCalls() < 0 {
                return -1;
            }
            let interp = (*tstate).interp as *mut InterpreterState;
            let drop_request = &*(std::ptr::addr_of!((*interp).ceval.gil_drop_request) as *const AtomicI32);
            if drop_request.load(Ordering::Relaxed) != 0 {
                // Give another thread a chance; re-taking the GIL clears the
                // request and recomputes the breaker.
                let saved = ffi::PyEval_SaveThread();
                ffi::PyEval_RestoreThread(saved);
            }
            let exc = (*tstate).async_exc;
            if !exc.is_null() {
                (*tstate).async_exc = std::ptr::null_mut();
                (*interp).ceval.pending.async_exc = 0;
                ffi::PyErr_SetNone(exc);
                ffi::Py_DECREF(exc);
                return -1;
            }
            0
        }
    })
}

/// Why native code handed a frame to the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum ExitReason {
    /// An exception: the interpreter unwinds to a handler or out.
    Exception = 0,
    /// Tracing or profiling was switched on by code native code called.
    Tracing = 1,
    /// An instruction native code leaves to the interpreter.
    Interpreted = 2,
    /// An argument of another type than the code was specialised on.
    ArgumentType = 3,
}

impl ExitReason {
    fn from_u8(v: u8) -> ExitReason {
        match v {
            0 => ExitReason::Exception,
            1 => ExitReason::Tracing,
            3 => ExitReason::ArgumentType,
            _ => ExitReason::Interpreted,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ExitReason::Exception => "exception",
            ExitReason::Tracing => "tracing",
            ExitReason::Interpreted => "interpreted_instruction",
            ExitReason::ArgumentType => "argument_type",
        }
    }

    /// The packed argument of [`note_exit`].
    pub fn with_opcode(self, op: Op) -> u32 {
        self as u32 | (op as u32) << 8
    }
}

/// Counts one exit from native code. `what` packs the reason (low byte)
/// and the opcode of the instruction it happened at.
///
/// # Safety
/// Called from native code with the GIL held; `state` is the running
/// code's state.
pub unsafe extern "C" fn note_exit(state: *mut CodeState, what: u32) {
    super::guard("note_exit", (), || {
        let reason = ExitReason::from_u8(what as u8);
        let op = Op::from_u8((what >> 8) as u8).map_or("?", Op::name);
        stats::SIDE_EXITS.bump(reason.name());
        stats::SIDE_EXITS_BY_OPCODE.bump(op);
        // SAFETY: the state outlives the code running it.
        unsafe { (*state).exits += 1 };
    })
}

/// Calls of code specialised on argument types that find another type
/// before it is compiled again without the specialisation; a function
/// with a loop may run long in the interpreter, so its first such call
/// recompiles it.
const ARG_GUARD_EXITS: u64 = 8;

/// A call whose arguments failed the compiled code's type checks, made
/// before the frame was touched: counts the exit, recompiles the code
/// without argument specialisation once such calls repeat, and runs the
/// frame — in the new native code if it did, else in the interpreter.
///
/// # Safety
/// Called (as a tail call) from native code with the GIL held, a fresh
/// frame of `state`'s code, not linked, and the caller's thread state.
pub unsafe extern "C" fn arg_guard_failed(tstate: *mut ThreadState, frame: *mut InterpreterFrame, state: *mut CodeState) -> *mut ffi::PyObject {
    let native = super::guard("arg_guard_failed", None, || {
        // SAFETY: as above; the state outlives its code, which the frame
        // keeps alive.
        unsafe {
            note_exit(state, ExitReason::ArgumentType.with_opcode(Op::RESUME));
            let s = &mut *state;
            s.guard_exits += 1;
            if s.specialize_args && (s.guard_exits >= ARG_GUARD_EXITS || s.has_loop) {
                s.specialize_args = false;
                crate::hook::recompile(s, tstate, frame, "argument types changed");
            }
            // Code still specialised would only fail its checks again.
            s.native.as_ref().filter(|_| !s.specialize_args).map(|n| n.entry)
        }
    });
    // SAFETY: a fresh frame, run by native code of its own code or by
    // the interpreter from its start.
    unsafe {
        match native {
            Some(entry) => entry(frame, tstate, crate::stack_guard::limit(tstate)),
            None => {
                ffi::PyErr_Clear();
                crate::cpython::api::_PyEval_EvalFrameDefault(tstate, frame, 0)
            }
        }
    }
}

/// Counts an exception leaving native code; the raising instruction is
/// the one `prev_instr` names.
///
/// # Safety
/// Called from native code with the GIL held, for a frame of `state`'s
/// code.
pub unsafe extern "C" fn note_raise(state: *mut CodeState, frame: *mut InterpreterFrame) {
    super::guard("note_raise", (), || {
        // SAFETY: a live frame whose prev_instr points into its own code,
        // and its state with native code attached.
        unsafe {
            let first = CodeObject::first_instr((*frame).f_code);
            let unit = (*frame).prev_instr.offset_from(first).max(0) as usize;
            let op = (*state).native.as_ref().and_then(|n| n.opcode_at(unit)).unwrap_or(Op::NOP);
            note_exit(state, ExitReason::Exception.with_opcode(op));
        }
    })
}

thread_local! {
    /// The trace and profile functions displaced by [`resume_raising_traced`].
    static DISPLACED: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

/// `Py_tracefunc`: `(obj, frame, what, arg) -> int`.
type TraceFn = unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyFrameObject, c_int, *mut ffi::PyObject) -> c_int;

unsafe extern "C" fn swallow_trace(_: *mut ffi::PyObject, _: *mut ffi::PyFrameObject, _: c_int, _: *mut ffi::PyObject) -> c_int {
    // SAFETY: called by the interpreter with the GIL held.
    unsafe {
        let tstate = ffi::PyThreadState_Get() as *mut ThreadState;
        (*tstate).c_tracefunc = DISPLACED.with(|d| d.get().0) as *mut _;
    }
    0
}

unsafe extern "C" fn swallow_profile(_: *mut ffi::PyObject, _: *mut ffi::PyFrameObject, _: c_int, _: *mut ffi::PyObject) -> c_int {
    // SAFETY: as above.
    unsafe {
        let tstate = ffi::PyThreadState_Get() as *mut ThreadState;
        (*tstate).c_profilefunc = DISPLACED.with(|d| d.get().1) as *mut _;
    }
    0
}

/// Hands a raising frame to the interpreter while tracing or profiling is
/// on (switched on by code native code called). The interpreter's
/// `throwflag` path reports a 'call' event first, as for a generator
/// resumed by `throw()`; a frame that was running all along must not get
/// one. The trace and profile functions are displaced by ones that swallow
/// exactly that first event and put the real ones back.
///
/// # Safety
/// Called from native code with the GIL held, the exception set, and the
/// frame already unlinked and written back as for a `throwflag` resume.
pub unsafe extern "C" fn resume_raising_traced(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
) -> *mut ffi::PyObject {
    // SAFETY: GIL held; the fields are the thread's own tracing hooks.
    unsafe {
        let trace = (*tstate).c_tracefunc;
        let profile = (*tstate).c_profilefunc;
        DISPLACED.with(|d| d.set((trace as usize, profile as usize)));
        if !trace.is_null() {
            (*tstate).c_tracefunc = swallow_trace as TraceFn as *mut _;
        }
        if !profile.is_null() {
            (*tstate).c_profilefunc = swallow_profile as TraceFn as *mut _;
        }
        let result = crate::cpython::api::_PyEval_EvalFrameDefault(tstate, frame, 1);
        // If the event never came (the recursion check failed first), the
        // swallowers are still installed: put the real functions back.
        if (*tstate).c_tracefunc == swallow_trace as TraceFn as *mut _ {
            (*tstate).c_tracefunc = trace;
        }
        if (*tstate).c_profilefunc == swallow_profile as TraceFn as *mut _ {
            (*tstate).c_profilefunc = profile;
        }
        result
    }
}
