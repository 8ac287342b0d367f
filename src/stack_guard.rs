//! C-stack depth check.
//!
//! With a frame-evaluation hook installed, CPython 3.11 stops inlining
//! Python-to-Python calls, so every Python call recurses on the C stack.
//! A program that raises the recursion limit would then crash with SIGSEGV
//! long before CPython's own depth check fires. The hook compares the stack
//! pointer with a per-thread limit, a margin above the end of the thread's
//! stack, and when it is reached lets the interpreter run the frame with
//! its own call inlining, which uses no C stack per Python call (see
//! `hook::run_inlined`).

use crate::cpython::layout::ThreadState;
use diojit_asm::stack_pointer;
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};

/// Room kept free below the limit, as a fraction of the thread's stack and
/// clamped to a sensible range.
const MARGIN_DIVISOR: usize = 8;
const MIN_MARGIN: usize = 8 * 1024;
const MAX_MARGIN: usize = 1024 * 1024;

/// Sentinel limit for threads whose stack bounds are unknown: never trips.
const UNKNOWN: usize = 1;

thread_local! {
    /// Lowest stack address the hook may run at; 0 until computed.
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// The limit of the thread that last ran the hook, keyed by its thread
/// state's unique id. Reading a thread-local from a shared object costs a
/// `__tls_get_addr` call; this cache costs two loads. Only the thread holding
/// the GIL reads or writes it, and GIL hand-offs order the accesses.
static CACHED_ID: AtomicU64 = AtomicU64::new(0);
static CACHED_LIMIT: AtomicUsize = AtomicUsize::new(UNKNOWN);

/// True when the calling thread is too deep in its C stack to evaluate
/// another Python frame with a C-level recursion.
///
/// # Safety
/// `tstate` is the calling thread's state and the GIL is held.
#[inline(always)]
pub unsafe fn exhausted(tstate: *mut ThreadState) -> bool {
    // SAFETY: forwarded.
    stack_pointer() < unsafe { limit(tstate) }
}

/// The lowest stack address the calling thread may run Python code at.
///
/// # Safety
/// As [`exhausted`].
#[inline(always)]
pub unsafe fn limit(tstate: *mut ThreadState) -> usize {
    // SAFETY: a live thread state (caller guarantee); ids are unique per
    // thread state and never 0.
    let id = unsafe { (*tstate).id };
    if CACHED_ID.load(Relaxed) == id { CACHED_LIMIT.load(Relaxed) } else { switch_thread(id) }
}

/// Addresses of the cached thread id and its stack limit, for native code
/// that checks the stack of the thread the hook last ran in.
pub fn cache_addresses() -> (usize, usize) {
    (std::ptr::addr_of!(CACHED_ID) as usize, std::ptr::addr_of!(CACHED_LIMIT) as usize)
}

#[cold]
fn switch_thread(id: u64) -> usize {
    let limit = thread_limit();
    CACHED_ID.store(id, Relaxed);
    CACHED_LIMIT.store(limit, Relaxed);
    limit
}

/// The calling thread's limit, computed once per thread.
fn thread_limit() -> usize {
    let limit = LIMIT.with(Cell::get);
    if limit != 0 {
        return limit;
    }
    let limit = match thread_stack_bounds() {
        Some((low, size)) => low + (size / MARGIN_DIVISOR).clamp(MIN_MARGIN, MAX_MARGIN),
        None => UNKNOWN,
    };
    LIMIT.with(|l| l.set(limit));
    limit
}

/// `(lowest address, size)` of the calling thread's stack.
fn thread_stack_bounds() -> Option<(usize, usize)> {
    // SAFETY: `attr` is initialised by pthread_getattr_np before it is read
    // and destroyed exactly once; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 || addr.is_null() || size == 0 {
            return None;
        }
        Some((addr as usize, size))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_contain_the_current_stack_pointer() {
        let (low, size) = thread_stack_bounds().expect("stack bounds");
        let sp = stack_pointer();
        assert!(low < sp && sp < low + size);
    }

    fn below_limit() -> bool {
        stack_pointer() < thread_limit()
    }

    #[test]
    fn shallow_stack_is_not_exhausted() {
        assert!(!below_limit());
        std::thread::spawn(|| assert!(!below_limit())).join().unwrap();
    }

    #[test]
    fn deep_recursion_reaches_the_limit_before_the_end_of_the_stack() {
        // 512 KiB stack: the guard must trip before the recursion overflows.
        fn dive(depth: usize) -> Option<usize> {
            let mut pad = [0u8; 1024];
            std::hint::black_box(&mut pad);
            if below_limit() {
                return Some(depth);
            }
            // Not a tail call: the frame must stay on the stack.
            let deeper = dive(depth + 1);
            std::hint::black_box(&mut pad);
            deeper
        }
        let depth = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(|| dive(0))
            .unwrap()
            .join()
            .unwrap();
        assert!(matches!(depth, Some(d) if d > 100), "{depth:?}");
    }
}
