//! Python-facing views of the JIT's state: the `stats()` dict and one code
//! object's profile for `info()`.

use crate::cpython::layout::CodeObject;
use crate::profile::{self, Tier};
use crate::{options, stats};
use pyo3::prelude::*;
use pyo3::types::{PyCode, PyDict, PyList, PyTuple, PyType};

/// `diojit.stats()`: every counter, plus the current threshold.
pub fn stats_dict<'py>(py: Python<'py>, enabled: bool) -> PyResult<Bound<'py, PyDict>> {
    let snap = stats::snapshot();
    let dict = PyDict::new(py);
    dict.set_item("enabled", enabled)?;
    dict.set_item("threshold", options::threshold())?;
    for (key, value) in snap.counters {
        dict.set_item(key, value)?;
    }
    for (key, map) in snap.by_reason {
        dict.set_item(key, map.into_pyobject(py)?)?;
    }
    Ok(dict)
}

/// `diojit.info(func)` for the function's code object.
pub fn code_info<'py>(code: &Bound<'py, PyCode>) -> PyResult<Bound<'py, PyDict>> {
    let py = code.py();
    let dict = PyDict::new(py);
    dict.set_item("name", code.getattr("co_qualname")?)?;
    dict.set_item("filename", code.getattr("co_filename")?)?;
    dict.set_item("firstlineno", code.getattr("co_firstlineno")?)?;
    let varnames = code.getattr("co_varnames")?;
    let raw = code.as_ptr() as *mut CodeObject;
    // SAFETY: `raw` is a live code object (we hold a reference) and the GIL
    // is held; the module initialised the extra slot.
    let state = unsafe { profile::get(raw) };
    let (calls, tier) = if state.is_null() {
        (0, Tier::Cold)
    } else {
        // SAFETY: non-null states are live while their code object is.
        unsafe { ((*state).calls, (*state).tier) }
    };
    dict.set_item("calls", calls)?;
    dict.set_item("state", tier.name())?;
    let args = PyList::empty(py);
    if !state.is_null() {
        // SAFETY: as above; the profile is only read.
        for (i, set) in unsafe { &(*state).args }.iter().enumerate() {
            let entry = PyDict::new(py);
            entry.set_item("name", varnames.get_item(i)?)?;
            entry.set_item("kind", set.morphism().name())?;
            let types: Vec<Bound<'_, PyType>> = set
                .types()
                // SAFETY: `types()` yields only live type objects.
                .map(|t| unsafe { Bound::from_borrowed_ptr(py, t as *mut pyo3::ffi::PyObject) })
                .map(|o| o.cast_into::<PyType>().expect("profile holds type objects"))
                .collect();
            entry.set_item("types", PyTuple::new(py, types)?)?;
            args.append(entry)?;
        }
    }
    dict.set_item("args", args)?;
    Ok(dict)
}
