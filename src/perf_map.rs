//! `/tmp/perf-PID.map`: names compiled code for `perf` and other
//! profilers that read perf's JIT map format (`START SIZE name` in hex).
//! Written only when `DIOJIT_PERF_MAP=1`.

use crate::cpython::layout::CodeObject;
use std::fs::File;
use std::io::Write;
use std::sync::Mutex;

/// Environment variable that turns the map on.
pub const PERF_MAP_ENV: &str = "DIOJIT_PERF_MAP";

static MAP: Mutex<Option<File>> = Mutex::new(None);

fn wanted() -> bool {
    static WANTED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *WANTED.get_or_init(|| std::env::var(PERF_MAP_ENV).is_ok_and(|v| v.trim() == "1"))
}

/// Records the native code of `code` at `[addr, addr + len)`.
///
/// # Safety
/// GIL held, a live code object.
pub unsafe fn record(code: *mut CodeObject, addr: usize, len: usize) {
    if !wanted() {
        return;
    }
    // SAFETY: a live code object; its name, file and line are immutable.
    let name = unsafe {
        let text = |o: *mut pyo3::ffi::PyObject| {
            let s = pyo3::ffi::PyUnicode_AsUTF8(o);
            if s.is_null() {
                pyo3::ffi::PyErr_Clear();
                "?".to_string()
            } else {
                std::ffi::CStr::from_ptr(s).to_string_lossy().into_owned()
            }
        };
        format!("py::{}:{}:{}", text((*code).co_qualname), text((*code).co_filename), (*code).co_firstlineno)
    };
    let mut map = MAP.lock().unwrap_or_else(|e| e.into_inner());
    if map.is_none() {
        let path = format!("/tmp/perf-{}.map", std::process::id());
        *map = std::fs::OpenOptions::new().create(true).append(true).open(path).ok();
    }
    if let Some(file) = map.as_mut() {
        // A profiler map is best effort: a failed write loses names only.
        let _ = writeln!(file, "{addr:x} {len:x} {name}");
    }
}
