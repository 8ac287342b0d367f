//! Field offsets taken from the interpreter's own headers at build time
//! (the table `offsets.c` compiles), for fields the JIT needs but does not
//! mirror. None when the headers were not available to the build.

/// The offset recorded as `name` (`"Struct.field"`).
#[cfg(diojit_c_offsets)]
pub fn header_offset(name: &str) -> Option<usize> {
    use std::ffi::CStr;
    use std::os::raw::{c_char, c_long};

    #[repr(C)]
    struct COffset {
        name: *const c_char,
        value: c_long,
    }
    extern "C" {
        static diojit_c_offsets: [COffset; 0];
    }
    // SAFETY: the table is a static array terminated by a NULL name, and
    // its names are static C strings.
    unsafe {
        let mut p = std::ptr::addr_of!(diojit_c_offsets) as *const COffset;
        while !(*p).name.is_null() {
            if CStr::from_ptr((*p).name).to_bytes() == name.as_bytes() {
                return usize::try_from((*p).value).ok();
            }
            p = p.add(1);
        }
    }
    None
}

/// The offset recorded as `name` (`"Struct.field"`).
#[cfg(not(diojit_c_offsets))]
pub fn header_offset(_name: &str) -> Option<usize> {
    None
}
