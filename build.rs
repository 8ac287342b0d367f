//! Build script: link test binaries against the interpreter pyo3 was
//! configured for, and compile the header-derived offset table that
//! `tests/layout.rs` checks the struct mirrors against.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(diojit_c_offsets)");
    println!("cargo:rerun-if-changed=src/cpython/offsets.c");
    // Test binaries embed libpython; without this rpath they can load a
    // different libpython3.11 than the one they were compiled against.
    pyo3_build_config::add_libpython_rpath_link_args();

    if let Some(include) = python_include_dir() {
        if include.join("internal/pycore_frame.h").exists() {
            cc::Build::new()
                .file("src/cpython/offsets.c")
                .include(&include)
                .warnings(false)
                .compile("diojit_offsets");
            println!("cargo:rustc-cfg=diojit_c_offsets");
        }
    }
}

fn python_include_dir() -> Option<PathBuf> {
    let config = pyo3_build_config::get();
    let exe = config.executable()?;
    let out = Command::new(exe)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['include'])"])
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?;
    Some(PathBuf::from(path.trim()))
}
