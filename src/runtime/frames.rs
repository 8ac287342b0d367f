//! Clearing frames that native code pushed itself (see
//! `compiler::codegen::frames`): CPython 3.11's `_PyFrame_Clear` and its
//! `take_ownership`, which are not exported, for the case where a frame
//! object of the frame outlives the call (a traceback holds it, or
//! `sys._getframe()` stored it). The common case, no frame object, is
//! inlined by the compiler. Also the fallback of the frame entry, which
//! owns the function and arguments it was given (a C function that fits
//! the entry's calling convention, so that it can also stand in for the
//! entry of code that could not be compiled again).

use crate::cpython::layout::{CFrame, CodeObject, FrameObject, InterpreterFrame, ThreadState, FRAME_OWNED_BY_FRAME_OBJECT};
use pyo3::ffi;

/// The stock call of `func` with arguments that the caller handed over
/// (references owned), which are released after it.
///
/// # Safety
/// GIL held; `func` a live function and `args` its `nargsf` arguments,
/// all owned references.
pub unsafe extern "C" fn vectorcall_owned(func: *mut ffi::PyObject, args: *const *mut ffi::PyObject, nargsf: usize) -> *mut ffi::PyObject {
    // SAFETY: as above; the references are released exactly once, after
    // the call that borrows them.
    unsafe {
        let result = crate::cpython::api::_PyFunction_Vectorcall(func, args, nargsf, std::ptr::null_mut());
        let nargs = nargsf & !(1usize << 63);
        for i in 0..nargs {
            ffi::Py_DECREF(*args.add(i));
        }
        ffi::Py_DECREF(func);
        result
    }
}

/// `_PyFrame_Clear` for a frame with a frame object, already unlinked from
/// the thread's frames.
///
/// # Safety
/// Called from native code with the GIL held; `frame` is a complete
/// thread-owned frame whose `frame_obj` is set and whose `stacktop` covers
/// exactly its live references.
pub unsafe extern "C" fn clear_with_frame_object(tstate: *mut ThreadState, frame: *mut InterpreterFrame) {
    // SAFETY: as above.
    super::guard("clear_with_frame_object", (), || unsafe { clear(tstate, frame) })
}

/// `_PyFrame_Clear`: releases what a finished frame holds (or, if its
/// frame object lives on, moves it there).
///
/// # Safety
/// GIL held; `frame` is a complete thread-owned frame, unlinked from the
/// thread's frames, whose `stacktop` covers exactly its live references.
pub unsafe fn clear(tstate: *mut ThreadState, frame: *mut InterpreterFrame) {
    // SAFETY: as above.
    unsafe {
        let f = (*frame).frame_obj as *mut FrameObject;
        if !f.is_null() {
            (*frame).frame_obj = std::ptr::null_mut();
            if ffi::Py_REFCNT(f as *mut ffi::PyObject) > 1 {
                take_ownership(tstate, f, frame);
                ffi::Py_DECREF(f as *mut ffi::PyObject);
                return;
            }
            ffi::Py_DECREF(f as *mut ffi::PyObject);
        }
        for i in 0..(*frame).stacktop.max(0) as usize {
            ffi::Py_XDECREF(*InterpreterFrame::local_ptr(frame, i));
        }
        ffi::Py_XDECREF((*frame).f_locals);
        ffi::Py_DECREF((*frame).f_func as *mut ffi::PyObject);
        ffi::Py_DECREF((*frame).f_code as *mut ffi::PyObject);
    }
}

/// Moves the frame's data into its frame object, which lives on
/// (`take_ownership` in Python/frame.c).
unsafe fn take_ownership(tstate: *mut ThreadState, f: *mut FrameObject, frame: *mut InterpreterFrame) {
    // SAFETY: `f` is the frame's live frame object, whose embedded storage
    // was sized for this code's frame; GIL held.
    unsafe {
        let size = (InterpreterFrame::local_ptr(frame, (*frame).stacktop.max(0) as usize) as usize) - frame as usize;
        let owned = std::ptr::addr_of_mut!((*f)._f_frame_data) as *mut InterpreterFrame;
        std::ptr::copy_nonoverlapping(frame as *const u8, owned as *mut u8, size);
        (*f).f_frame = owned;
        (*owned).owner = FRAME_OWNED_BY_FRAME_OBJECT;
        if InterpreterFrame::is_incomplete(owned) {
            let code = (*owned).f_code;
            (*owned).prev_instr = CodeObject::first_instr(code).add((*code)._co_firsttraceable as usize);
        }
        let mut prev = (*owned).previous;
        while !prev.is_null() && InterpreterFrame::is_incomplete(prev) {
            prev = (*prev).previous;
        }
        if !prev.is_null() {
            // `_PyFrame_GetFrameObject(prev)`, through the exported route:
            // the current frame's object, with `prev` made current.
            let cframe = (*tstate).cframe as *mut CFrame;
            let current = (*cframe).current_frame;
            (*cframe).current_frame = prev;
            let back = ffi::PyEval_GetFrame();
            (*cframe).current_frame = current;
            if back.is_null() {
                ffi::PyErr_Clear();
            } else {
                (*f).f_back = ffi::Py_NewRef(back as *mut ffi::PyObject) as *mut FrameObject;
            }
            (*owned).previous = std::ptr::null_mut();
        }
        if ffi::PyObject_GC_IsTracked(f as *mut ffi::PyObject) == 0 {
            ffi::PyObject_GC_Track(f as *mut std::ffi::c_void);
        }
    }
}
