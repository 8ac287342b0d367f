//! Python-facing views of the JIT's state: the `stats()` dict and one code
//! object's profile for `info()`.

use crate::cpython::layout::CodeObject;
use crate::profile::{self, Tier};
use crate::{code_cache, options, stats};
use pyo3::prelude::*;
use pyo3::types::{PyAny, PyCode, PyDict, PyList, PyTuple, PyType};

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
    dict.set_item("code_cache_used_bytes", code_cache::used_bytes())?;
    dict.set_item("code_cache_limit_bytes", code_cache::cap_bytes().unwrap_or(0))?;
    dict.set_item("code_cache_full", code_cache::is_full())?;
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
    let (native, fallback, exits) = if state.is_null() {
        (None, None, 0)
    } else {
        // SAFETY: as above.
        let s = unsafe { &*state };
        (s.native.as_ref(), s.fallback.clone(), s.exits)
    };
    match native {
        Some(n) => {
            let d = PyDict::new(py);
            d.set_item("address", n.unit.addr)?;
            d.set_item("size", n.unit.len)?;
            d.set_item("compile_time_ns", n.compile_ns)?;
            d.set_item("instructions", n.map.len())?;
            dict.set_item("native", d)?;
        }
        None => dict.set_item("native", py.None())?,
    }
    dict.set_item("fallback_reason", fallback)?;
    dict.set_item("exits", exits)?;
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

/// `diojit.dis()`'s data: the native code of `code` as
/// `(code unit or None, [(address, hex bytes, text)])` blocks, or None.
pub fn native_listing<'py>(code: &Bound<'py, PyCode>) -> PyResult<Bound<'py, PyAny>> {
    let py = code.py();
    // SAFETY: live code object, GIL held, extra slot initialised at import.
    let state = unsafe { profile::get(code.as_ptr() as *mut CodeObject) };
    // SAFETY: non-null states are live while their code object is.
    let Some(native) = (unsafe { state.as_ref() }).and_then(|s| s.native.as_ref()) else {
        return Ok(py.None().into_bound(py));
    };
    let blocks = PyList::empty(py);
    for (unit, lines) in native.listing() {
        let rows = PyList::empty(py);
        for l in lines {
            let hex: String = l.bytes.iter().map(|b| format!("{b:02x}")).collect();
            rows.append((l.address, hex, l.text))?;
        }
        blocks.append((unit, rows))?;
    }
    Ok(blocks.into_any())
}
