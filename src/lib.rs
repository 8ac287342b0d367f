//! `diojit._core`: the Python bindings of the JIT runtime. Logic lives in the
//! modules below; this file only converts between Python and Rust.

pub mod code_cache;
pub mod compiler;
pub mod cpython;
pub mod hook;
pub mod options;
pub mod perf_map;
pub mod profile;
pub mod report;
pub mod runtime;
pub mod stack_guard;
pub mod stats;

use cpython::layout::CodeObject;
use profile::Tier;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyAny, PyCode, PyDict};

/// Installs the JIT's frame evaluator; `threshold` calls make a function hot
/// (default: `DIOJIT_THRESHOLD`, else the built-in default).
#[pyfunction]
#[pyo3(signature = (threshold=None))]
fn enable(threshold: Option<i64>) -> PyResult<()> {
    let threshold = match threshold {
        Some(n) => options::parse_threshold(&n.to_string(), "threshold"),
        None => options::threshold_from_env(),
    }
    .map_err(PyValueError::new_err)?;
    code_cache::cap_bytes().map_err(|e| PyValueError::new_err(e.to_string()))?;
    options::set_threshold(threshold);
    // SAFETY: pyfunctions run with the GIL held.
    unsafe { hook::install() }.map_err(|e| match e {
        hook::InstallError::ForeignHook => PyRuntimeError::new_err(
            "another PEP 523 frame evaluator (a debugger or another JIT) is installed; \
             diojit cannot run alongside it",
        ),
        hook::InstallError::NoExtraSlot(why) => PyRuntimeError::new_err(why),
    })
}

/// Restores the interpreter's own frame evaluator.
#[pyfunction]
fn disable() {
    // SAFETY: GIL held.
    unsafe { hook::uninstall() }
}

#[pyfunction]
fn is_enabled() -> bool {
    hook::enabled()
}

/// Marks a code object never to be compiled.
#[pyfunction]
fn opt_out(code: &Bound<'_, PyCode>) -> PyResult<()> {
    let raw = code.as_ptr() as *mut CodeObject;
    // SAFETY: live code object, GIL held, extra slot initialised at import.
    let state = unsafe { profile::get_or_create(raw) };
    if state.is_null() {
        return Err(PyRuntimeError::new_err("could not attach diojit state to the code object"));
    }
    // SAFETY: a live state of a live code object, GIL held.
    let state = unsafe { &mut *state };
    if state.tier != Tier::OptedOut {
        state.tier = Tier::OptedOut;
        stats::OPTED_OUT.bump();
    }
    Ok(())
}

#[pyfunction]
fn code_info<'py>(code: &Bound<'py, PyCode>) -> PyResult<Bound<'py, PyDict>> {
    report::code_info(code)
}

#[pyfunction]
fn native_listing<'py>(code: &Bound<'py, PyCode>) -> PyResult<Bound<'py, PyAny>> {
    report::native_listing(code)
}

#[pyfunction(name = "stats")]
fn stats_dict(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    report::stats_dict(py, is_enabled())
}

#[pyfunction]
fn reset_stats() {
    stats::reset();
}

/// Why `_core` does not load in a subinterpreter (checked by the Python
/// package, which then stays quiet there).
const SUBINTERPRETER: &str = "diojit runs in the main interpreter only";

/// Internal errors are contained (see `runtime::guard`) and counted in
/// `stats()["internal_errors"]`; the program's stderr stays its own unless
/// `DIOJIT_DEBUG=1` asks for the panic messages. (The hook is this
/// extension's own: each Rust extension module has its own panic state.)
fn quiet_panics() {
    let debug = std::env::var("DIOJIT_DEBUG").is_ok_and(|v| v.trim() == "1");
    std::panic::set_hook(Box::new(move |info| {
        if debug {
            eprintln!("diojit internal error: {info}");
        }
    }));
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    quiet_panics();
    // Code-extra slots, thread-state ids and the hook are per interpreter;
    // the JIT's state is the main interpreter's.
    // SAFETY: module initialisation runs with the GIL held.
    if unsafe { pyo3::ffi::PyInterpreterState_Get() != pyo3::ffi::PyInterpreterState_Main() } {
        return Err(pyo3::exceptions::PyImportError::new_err(SUBINTERPRETER));
    }
    // SAFETY: as above.
    unsafe { profile::init() }.map_err(PyRuntimeError::new_err)?;
    // SAFETY: as above.
    unsafe {
        runtime::calls::init();
        runtime::caches::init();
    }
    m.add_function(wrap_pyfunction!(enable, m)?)?;
    m.add_function(wrap_pyfunction!(disable, m)?)?;
    m.add_function(wrap_pyfunction!(is_enabled, m)?)?;
    m.add_function(wrap_pyfunction!(opt_out, m)?)?;
    m.add_function(wrap_pyfunction!(code_info, m)?)?;
    m.add_function(wrap_pyfunction!(native_listing, m)?)?;
    m.add_function(wrap_pyfunction!(stats_dict, m)?)?;
    m.add_function(wrap_pyfunction!(reset_stats, m)?)?;
    m.add("DEFAULT_THRESHOLD", options::DEFAULT_THRESHOLD)?;
    m.add("MAX_PROFILED_ARGS", profile::MAX_PROFILED_ARGS)?;
    m.add("MAX_POLYMORPHISM", profile::MAX_POLYMORPHISM)?;
    Ok(())
}
