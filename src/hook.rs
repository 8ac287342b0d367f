//! The PEP 523 frame-evaluation hook: counts calls, profiles argument types,
//! decides when a function is hot, and hands every frame to the stock
//! evaluator.
//!
//! On 3.11 the caller (`_PyEval_Vector`) owns the frame: the hook must not
//! clear or pop it, and it returns either a new reference or NULL with an
//! exception set.

use crate::cpython::api::{self, _PyEval_EvalFrameDefault};
use crate::{compiler, runtime};
use crate::cpython::layout::{CodeObject, InterpreterFrame, ThreadState, CO_GENERATOR, CO_SUSPENDABLE};
use crate::profile::{self, CodeState, Tier};
use crate::{options, stack_guard, stats};
use pyo3::ffi::PyObject;
use std::os::raw::c_int;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

/// The eval-frame function installed by `diojit.enable()`.
///
/// The fast path (a hot or cold function with its state attached) performs
/// a handful of loads, compares and stores before tail-calling the stock
/// evaluator. Nothing on it can panic; the work that could is behind
/// `catch_unwind` in [`on_cold_call`].
///
/// # Safety
/// Called by CPython with the GIL held, a valid thread state and a valid,
/// fresh or resumed frame.
pub unsafe extern "C" fn eval_frame(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    throwflag: c_int,
) -> *mut PyObject {
    stats::CALLS.bump();
    // SAFETY: CPython passes live frame and thread-state pointers; every
    // thread state has a current cframe while frames are evaluated.
    unsafe {
        if stack_guard::exhausted(tstate) {
            return run_inlined(tstate, frame, throwflag);
        }
        let code = (*frame).f_code;
        // A frame holding the only reference to its code object runs code
        // that is being deallocated (a free function of its co_extra calling
        // back into Python); our state in it may already be freed.
        if throwflag != 0
            || (*code).co_flags & (CO_SUSPENDABLE & !CO_GENERATOR) != 0
            || (*(*tstate).cframe).use_tracing != 0
            || (*code).ob_refcnt < 2
        {
            return pass_through(tstate, frame, throwflag);
        }
        let state = profile::get(code);
        if (*code).co_flags & CO_GENERATOR != 0 && !is_fresh(frame) {
            // A generator resumed: natively once its code is compiled; the
            // call that created it was counted.
            return match state.as_ref().map(|s| s.tier) {
                Some(Tier::Compiled) => run_native(state, tstate, frame),
                Some(Tier::OptedOut) => pass_through(tstate, frame, 0),
                _ => _PyEval_EvalFrameDefault(tstate, frame, 0),
            };
        }
        if state.is_null() {
            let state = on_first_call(tstate, frame);
            if !state.is_null() {
                return run_native(state, tstate, frame);
            }
        } else {
            match (*state).tier {
                Tier::Compiled => {
                    (*state).calls += 1;
                    if (*state).warm_recompile_at != 0 && (*state).calls >= (*state).warm_recompile_at {
                        warm_recompile(state, tstate, frame);
                    }
                    return run_native(state, tstate, frame);
                }
                Tier::Interpreted => (*state).calls += 1,
                Tier::Cold => {
                    if on_cold_call(state, tstate, frame) {
                        return run_native(state, tstate, frame);
                    }
                }
                Tier::OptedOut => return pass_through(tstate, frame, 0),
            }
        }
        _PyEval_EvalFrameDefault(tstate, frame, 0)
    }
}

#[inline(always)]
unsafe fn pass_through(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    throwflag: c_int,
) -> *mut PyObject {
    stats::PASSED_THROUGH.bump();
    // SAFETY: forwarded from `eval_frame`.
    unsafe { _PyEval_EvalFrameDefault(tstate, frame, throwflag) }
}

/// Whether the frame has not run yet.
///
/// # Safety
/// A live frame.
#[inline(always)]
unsafe fn is_fresh(frame: *mut InterpreterFrame) -> bool {
    // SAFETY: a live frame and its code.
    unsafe { (*frame).prev_instr == CodeObject::first_instr((*frame).f_code).wrapping_sub(1) }
}

/// Runs a frame of compiled code natively where native code can start it:
/// a fresh frame of a function, a resumed frame of a generator (whose
/// creating call the interpreter runs). Anything else runs in the
/// interpreter.
#[inline(always)]
unsafe fn run_native(state: *mut CodeState, tstate: *mut ThreadState, frame: *mut InterpreterFrame) -> *mut PyObject {
    // SAFETY: a live frame of the state's code, GIL held.
    unsafe {
        let generator = (*(*frame).f_code).co_flags & CO_GENERATOR != 0;
        let startable = is_fresh(frame) != generator;
        match &(*state).native {
            Some(native) if startable => {
                // Later calls through this function object skip the hook.
                let func = (*frame).f_func;
                let stock = api::_PyFunction_Vectorcall as *const () as usize;
                if native.vectorcall.is_some() && (*func).vectorcall.map(|f| f as usize) == Some(stock) {
                    (*func).vectorcall = Some(runtime::calls::vectorcall_dispatch);
                }
                stats::NATIVE_CALLS.bump();
                (native.entry)(frame, tstate, stack_guard::limit(tstate))
            }
            _ => _PyEval_EvalFrameDefault(tstate, frame, 0),
        }
    }
}

/// First time the hook sees this code object: attach a state and count.
/// Returns the state if the frame should run natively (compiled at its
/// first call), else NULL.
#[cold]
unsafe fn on_first_call(tstate: *mut ThreadState, frame: *mut InterpreterFrame) -> *mut CodeState {
    // SAFETY: live frame, GIL held (from `eval_frame`).
    let state = unsafe { profile::get_or_create((*frame).f_code) };
    // SAFETY: just created for this frame's code.
    if !state.is_null() && unsafe { on_cold_call(state, tstate, frame) } {
        state
    } else {
        std::ptr::null_mut()
    }
}

/// A call of a cold function: profile it, and compile it once it reaches
/// the threshold. Returns whether it is now compiled. A panic here is a
/// bug; it is contained, counted, and the code left to the interpreter.
unsafe fn on_cold_call(state: *mut CodeState, tstate: *mut ThreadState, frame: *mut InterpreterFrame) -> bool {
    let outcome = std::panic::catch_unwind(|| {
        // SAFETY: `state` belongs to the frame's code; GIL held, so nothing
        // else touches it meanwhile.
        let state = unsafe { &mut *state };
        state.calls += 1;
        // SAFETY: a fresh frame of this code.
        unsafe { state.observe_args(frame) };
        if state.calls >= options::threshold() || state.has_loop {
            stats::HOT_FUNCTIONS.bump();
            if state.calls < options::threshold() {
                // Compiled before its caches saw anything: again once warm.
                state.warm_recompile_at = WARM_CALLS;
            }
            // SAFETY: as above; the code object is the frame's.
            unsafe { promote(state, tstate, frame) };
        }
        state.tier == Tier::Compiled
    });
    outcome.unwrap_or_else(|_| {
        stats::INTERNAL_ERRORS.bump();
        // SAFETY: the state is still allocated; only its tier is written.
        unsafe { (*state).tier = Tier::Interpreted };
        false
    })
}

/// Calls after which a function with a loop, compiled at its first call,
/// is compiled again with its inline caches' contents as its profile.
pub const WARM_CALLS: u64 = 8;

/// Compiles a warm loop function again (see `CodeState::warm_recompile_at`).
/// A panic is contained and counted; the function keeps its code.
#[cold]
unsafe fn warm_recompile(state: *mut CodeState, tstate: *mut ThreadState, frame: *mut InterpreterFrame) {
    let outcome = std::panic::catch_unwind(|| {
        // SAFETY: the frame's code's state, GIL held.
        let state = unsafe { &mut *state };
        state.warm_recompile_at = 0;
        // SAFETY: as above.
        unsafe { recompile(state, tstate, frame, "loop function warmed up") };
    });
    if outcome.is_err() {
        stats::INTERNAL_ERRORS.bump();
    }
}

/// Compiles a function that became hot (on a call, `frame`).
unsafe fn promote(state: &mut CodeState, tstate: *mut ThreadState, frame: *mut InterpreterFrame) {
    // SAFETY: forwarded from `on_cold_call`.
    unsafe { compile_into(state, tstate, frame) }
}

/// Compiles the code of `frame` again, without what `state` now says not
/// to specialise on, counted under `reason`. Frames running the code it
/// replaces finish in it.
///
/// # Safety
/// GIL held; `state` is the code's, which is compiled; a live frame.
pub unsafe fn recompile(state: &mut CodeState, tstate: *mut ThreadState, frame: *mut InterpreterFrame, reason: &str) {
    stats::RECOMPILES.bump(reason);
    // SAFETY: forwarded.
    unsafe { compile_into(state, tstate, frame) }
}

/// Compiles the code of `frame` (whose globals show which names are
/// globals) and makes the result its native code, retiring any earlier
/// one; or leaves the code to the interpreter for good.
unsafe fn compile_into(state: &mut CodeState, tstate: *mut ThreadState, frame: *mut InterpreterFrame) {
    if let Some(old) = state.native.take() {
        state.retired.push(old);
    }
    // SAFETY: a live frame (callers).
    let (code, globals) = unsafe { ((*frame).f_code, (*frame).f_globals) };
    // SAFETY: forwarded from the callers.
    match unsafe { compiler::compile(code, state, tstate, globals) } {
        Ok(native) => {
            stats::COMPILED.bump();
            stats::CODE_BYTES.add(native.unit.len as u64);
            stats::COMPILE_NS.add(native.compile_ns);
            // SAFETY: GIL held, a live code object.
            unsafe { crate::perf_map::record(code, native.unit.addr, native.unit.len) };
            state.frame_entry = native.frame_entry;
            state.native = Some(Box::new(native));
            state.tier = Tier::Compiled;
        }
        Err(fallback) => {
            let reason = fallback.reason();
            stats::COMPILE_FAILURES.bump(&reason);
            state.fallback = Some(reason);
            state.tier = Tier::Interpreted;
            if state.frame_entry != 0 {
                // Compiled callers still point here: the stock call (a C
                // function fits the frame entry's convention).
                state.frame_entry = runtime::frames::vectorcall_owned as *const () as usize;
            }
        }
    }
}

/// Whether the user wants the JIT on (the hook may be away meanwhile,
/// see [`run_inlined`]).
static ENABLED: AtomicBool = AtomicBool::new(false);
/// Frames currently run by [`run_inlined`] (all threads; GIL held).
static INLINED_DEPTH: AtomicUsize = AtomicUsize::new(0);

/// Runs a frame when the C stack is nearly exhausted: by the interpreter,
/// with this hook uninstalled, so that the interpreter inlines the Python
/// calls below it (as it does when no hook is set) instead of recursing on
/// the C stack. Deep recursion then behaves as in CPython: it goes as deep
/// as the recursion limit allows and ends in `RecursionError`, never a
/// crash. The hook returns when the outermost such frame does. Meanwhile
/// calls in other threads are interpreted too: slower, never different.
#[cold]
unsafe fn run_inlined(tstate: *mut ThreadState, frame: *mut InterpreterFrame, throwflag: c_int) -> *mut PyObject {
    stats::DEEP_RECURSION.bump();
    // SAFETY: GIL held; the hook state only changes under the GIL.
    unsafe {
        if INLINED_DEPTH.fetch_add(1, Relaxed) == 0 {
            api::set_eval_frame(None);
        }
        let result = _PyEval_EvalFrameDefault(tstate, frame, throwflag);
        if INLINED_DEPTH.fetch_sub(1, Relaxed) == 1 && ENABLED.load(Relaxed) && api::eval_frame() == api::default_eval_frame() {
            api::set_eval_frame(Some(eval_frame));
        }
        result
    }
}

/// Why `enable()` could not install the hook.
#[derive(Debug)]
pub enum InstallError {
    /// Another PEP 523 evaluator (a debugger, another JIT) is installed.
    ForeignHook,
    /// No code-object extra slot was available.
    NoExtraSlot(&'static str),
}

/// Installs the hook for the current interpreter. Installing it again is a
/// no-op.
///
/// # Safety
/// GIL held.
pub unsafe fn install() -> Result<(), InstallError> {
    // SAFETY: GIL held.
    unsafe {
        profile::init().map_err(InstallError::NoExtraSlot)?;
        let current = api::eval_frame();
        if current != eval_frame as *mut _ {
            if current != api::default_eval_frame() {
                return Err(InstallError::ForeignHook);
            }
            api::set_eval_frame(Some(eval_frame));
        }
    }
    ENABLED.store(true, Relaxed);
    Ok(())
}

/// Restores the stock evaluator if ours is installed; leaves a foreign hook
/// alone.
///
/// # Safety
/// GIL held.
pub unsafe fn uninstall() {
    ENABLED.store(false, Relaxed);
    // SAFETY: GIL held.
    unsafe {
        if api::eval_frame() == eval_frame as *mut _ {
            api::set_eval_frame(None);
        }
    }
}

/// Whether our hook is the current interpreter's evaluator.
///
/// # Safety
/// GIL held.
pub unsafe fn installed() -> bool {
    // SAFETY: GIL held.
    unsafe { api::eval_frame() == eval_frame as *mut _ }
}

/// Whether the JIT is on: the hook is installed, or stepped away while a
/// deep recursion runs inlined by the interpreter.
pub fn enabled() -> bool {
    ENABLED.load(Relaxed)
}

/// Address of the enabled flag (one byte), for native code.
pub fn enabled_flag_address() -> usize {
    std::ptr::addr_of!(ENABLED) as usize
}

/// Address of the main interpreter's `eval_frame` field, where native
/// code checks that no other PEP 523 evaluator (a debugger, a profiler,
/// another JIT) has replaced ours: calls must then reach that one. None
/// if the build had no header offsets to find it with.
pub fn eval_frame_slot() -> Option<usize> {
    static SLOT: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    *SLOT.get_or_init(|| {
        let offset = crate::cpython::offsets::header_offset("InterpreterState.eval_frame")?;
        // SAFETY: the main interpreter lives as long as the process.
        Some(unsafe { pyo3::ffi::PyInterpreterState_Main() } as usize + offset)
    })
}
