//! Installing and removing the eval-frame hook, including next to a foreign
//! PEP 523 evaluator.

use diojit::cpython::api::{self, EvalFrameFn};
use diojit::cpython::layout::{InterpreterFrame, ThreadState};
use diojit::hook;
use pyo3::ffi;
use pyo3::prelude::*;
use std::os::raw::c_int;
use std::sync::Mutex;

static SERIAL: Mutex<()> = Mutex::new(());

unsafe extern "C" fn foreign(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    throwflag: c_int,
) -> *mut ffi::PyObject {
    // SAFETY: forwards CPython's own arguments.
    unsafe { api::_PyEval_EvalFrameDefault(tstate, frame, throwflag) }
}

#[test]
fn install_is_idempotent_and_uninstall_restores_the_default() {
    let _s = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    Python::attach(|py| {
        // SAFETY: GIL held throughout.
        unsafe {
            assert!(!hook::installed());
            hook::install().unwrap();
            hook::install().unwrap();
            assert!(hook::installed());
            let sum: i64 = py.eval(c"sum(x for x in range(10))", None, None).unwrap().extract().unwrap();
            assert_eq!(sum, 45);
            hook::uninstall();
            assert!(!hook::installed());
            assert_eq!(api::eval_frame(), api::default_eval_frame());
        }
    });
}

#[test]
fn a_foreign_evaluator_is_neither_replaced_nor_removed() {
    let _s = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    Python::attach(|_py| {
        // SAFETY: GIL held throughout; the foreign hook is removed at the end.
        unsafe {
            api::set_eval_frame(Some(foreign as EvalFrameFn));
            assert!(matches!(hook::install(), Err(hook::InstallError::ForeignHook)));
            hook::uninstall();
            assert_eq!(api::eval_frame(), foreign as *mut _);
            api::set_eval_frame(None);
            assert_eq!(api::eval_frame(), api::default_eval_frame());
        }
    });
}
