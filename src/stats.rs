//! Process-wide counters reported by `diojit.stats()`.
//!
//! The key set is part of the public API (documented in README.md): keys are
//! only ever added. Counters the compiler fills stay present, at zero, until
//! it does.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;

/// A monotonically increasing event counter.
///
/// Every increment happens with the GIL held, so a relaxed load followed by a
/// relaxed store cannot lose updates; it avoids a locked read-modify-write on
/// the hook's fast path.
pub struct Counter(AtomicU64);

impl Counter {
    const fn new() -> Self {
        Counter(AtomicU64::new(0))
    }
    #[inline(always)]
    pub fn bump(&self) {
        self.add(1);
    }
    #[inline(always)]
    pub fn add(&self, n: u64) {
        self.0.store(self.0.load(Relaxed).wrapping_add(n), Relaxed);
    }
    pub fn get(&self) -> u64 {
        self.0.load(Relaxed)
    }
    fn reset(&self) {
        self.0.store(0, Relaxed);
    }
    /// Where the count lives, for native code that bumps it in place.
    pub fn address(&self) -> u64 {
        self.0.as_ptr() as u64
    }
}

/// Counters keyed by a reason string (compile failures, side exits, ...).
pub struct ByReason(Mutex<BTreeMap<String, u64>>);

impl ByReason {
    const fn new() -> Self {
        ByReason(Mutex::new(BTreeMap::new()))
    }
    pub fn bump(&self, reason: &str) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match map.get_mut(reason) {
            Some(n) => *n += 1,
            None => {
                map.insert(reason.to_owned(), 1);
            }
        }
    }
    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
    fn reset(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// Frames the hook was called for.
pub static CALLS: Counter = Counter::new();
/// Calls that ran native code, whether entered through the hook or called
/// directly by other native code (which the hook never sees).
pub static NATIVE_CALLS: Counter = Counter::new();
/// Frames handed to the interpreter untouched: generator or coroutine frames,
/// `throw()` entries, tracing or profiling active, opted-out code.
pub static PASSED_THROUGH: Counter = Counter::new();
/// Code objects the hook started a profile for.
pub static FUNCTIONS_SEEN: Counter = Counter::new();
/// Functions that reached the call threshold.
pub static HOT_FUNCTIONS: Counter = Counter::new();
/// Functions marked with `@diojit.nojit`.
pub static OPTED_OUT: Counter = Counter::new();
/// Frames run by the interpreter with its own call inlining because the C
/// stack ran low (deep recursion).
pub static DEEP_RECURSION: Counter = Counter::new();
/// Frames of frameless self calls built for the interpreter (see
/// `compiler::frameless`).
pub static FRAMES_BUILT: Counter = Counter::new();
/// Panics caught at the FFI boundary (each one is a bug; the frame ran in
/// the interpreter instead).
pub static INTERNAL_ERRORS: Counter = Counter::new();

/// Functions compiled to native code.
pub static COMPILED: Counter = Counter::new();
/// Bytes of native code emitted.
pub static CODE_BYTES: Counter = Counter::new();
/// Nanoseconds spent compiling.
pub static COMPILE_NS: Counter = Counter::new();
pub static COMPILE_FAILURES: ByReason = ByReason::new();
pub static SIDE_EXITS: ByReason = ByReason::new();
pub static SIDE_EXITS_BY_OPCODE: ByReason = ByReason::new();

/// Why a cached assumption was found stale (it happens on hot paths, as
/// often as every execution of a site: plain counters).
#[derive(Clone, Copy)]
pub enum Invalidation {
    /// A LOAD_GLOBAL site's namespaces changed while the entry it reads
    /// still held the name (counted by native code).
    GlobalsChanged,
    /// The same for a builtin: the name still absent from globals.
    BuiltinStillValid,
    /// A global rebound to another entry, or deleted.
    GlobalRebound,
    /// An attribute entry of the owner's type pointed at what moved.
    AttributeStale,
    /// A call site saw another Python callee than the ones it holds.
    CalleeChanged,
}

impl Invalidation {
    const ALL: [Invalidation; 5] = [
        Invalidation::GlobalsChanged,
        Invalidation::BuiltinStillValid,
        Invalidation::GlobalRebound,
        Invalidation::AttributeStale,
        Invalidation::CalleeChanged,
    ];

    fn name(self) -> &'static str {
        match self {
            Invalidation::GlobalsChanged => "globals changed, global still valid",
            Invalidation::BuiltinStillValid => "globals changed, builtin still valid",
            Invalidation::GlobalRebound => "global rebound or deleted",
            Invalidation::AttributeStale => "attribute entry stale",
            Invalidation::CalleeChanged => "call site callee changed",
        }
    }
}

/// One counter per [`Invalidation`].
pub struct Invalidations([Counter; 5]);

impl Invalidations {
    const fn new() -> Self {
        Invalidations([Counter::new(), Counter::new(), Counter::new(), Counter::new(), Counter::new()])
    }

    #[inline(always)]
    pub fn bump(&self, why: Invalidation) {
        self.0[why as usize].bump();
    }

    /// Where a reason's count lives, for native code that bumps it.
    pub fn address(&self, why: Invalidation) -> u64 {
        self.0[why as usize].address()
    }

    fn snapshot(&self) -> BTreeMap<String, u64> {
        Invalidation::ALL
            .iter()
            .map(|&why| (why.name().to_string(), self.0[why as usize].get()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    fn reset(&self) {
        self.0.iter().for_each(Counter::reset);
    }
}

pub static INVALIDATIONS: Invalidations = Invalidations::new();
/// Functions compiled again, by reason.
pub static RECOMPILES: ByReason = ByReason::new();

/// The instructions with inline caches.
#[derive(Clone, Copy)]
pub enum CacheOp {
    LoadGlobal,
    LoadAttr,
    LoadMethod,
    StoreAttr,
}

/// One counter per cached instruction.
pub struct PerCacheOp([Counter; 4]);

impl PerCacheOp {
    const fn new() -> Self {
        PerCacheOp([Counter::new(), Counter::new(), Counter::new(), Counter::new()])
    }
    #[inline(always)]
    pub fn bump(&self, op: CacheOp) {
        self.0[op as usize].bump();
    }
    fn snapshot(&self) -> BTreeMap<String, u64> {
        ["LOAD_GLOBAL", "LOAD_ATTR", "LOAD_METHOD", "STORE_ATTR"]
            .iter()
            .zip(&self.0)
            .filter(|(_, c)| c.get() > 0)
            .map(|(name, c)| (name.to_string(), c.get()))
            .collect()
    }
    fn reset(&self) {
        self.0.iter().for_each(Counter::reset);
    }
}

/// Inline-cache misses by instruction: each one ran the instruction
/// generically and refilled the cache (the first fill included).
pub static CACHE_MISSES: PerCacheOp = PerCacheOp::new();

/// A snapshot of every counter, in the order the report prints them.
pub struct Snapshot {
    pub counters: Vec<(&'static str, u64)>,
    pub by_reason: Vec<(&'static str, BTreeMap<String, u64>)>,
}

pub fn snapshot() -> Snapshot {
    Snapshot {
        counters: vec![
            ("calls", CALLS.get()),
            ("native_calls", NATIVE_CALLS.get()),
            ("passed_through", PASSED_THROUGH.get()),
            ("functions_seen", FUNCTIONS_SEEN.get()),
            ("hot_functions", HOT_FUNCTIONS.get()),
            ("opted_out", OPTED_OUT.get()),
            ("deep_recursion", DEEP_RECURSION.get()),
            ("frames_built", FRAMES_BUILT.get()),
            ("internal_errors", INTERNAL_ERRORS.get()),
            ("compiled", COMPILED.get()),
            ("code_bytes", CODE_BYTES.get()),
            ("compile_time_ns", COMPILE_NS.get()),
        ],
        by_reason: vec![
            ("compile_failures", COMPILE_FAILURES.snapshot()),
            ("side_exits", SIDE_EXITS.snapshot()),
            ("side_exits_by_opcode", SIDE_EXITS_BY_OPCODE.snapshot()),
            ("invalidations", INVALIDATIONS.snapshot()),
            ("recompiles", RECOMPILES.snapshot()),
            ("cache_misses", CACHE_MISSES.snapshot()),
        ],
    }
}

pub fn reset() {
    for c in [
        &CALLS,
        &NATIVE_CALLS,
        &PASSED_THROUGH,
        &FUNCTIONS_SEEN,
        &HOT_FUNCTIONS,
        &OPTED_OUT,
        &DEEP_RECURSION,
        &FRAMES_BUILT,
        &INTERNAL_ERRORS,
        &COMPILED,
        &CODE_BYTES,
        &COMPILE_NS,
    ] {
        c.reset();
    }
    CACHE_MISSES.reset();
    INVALIDATIONS.reset();
    for m in [&COMPILE_FAILURES, &SIDE_EXITS, &SIDE_EXITS_BY_OPCODE, &RECOMPILES] {
        m.reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_reason_counts_each_reason() {
        let m = ByReason::new();
        m.bump("a");
        m.bump("b");
        m.bump("a");
        let snap = m.snapshot();
        assert_eq!(snap.get("a"), Some(&2));
        assert_eq!(snap.get("b"), Some(&1));
        m.reset();
        assert!(m.snapshot().is_empty());
    }

    #[test]
    fn counter_adds() {
        let c = Counter::new();
        c.bump();
        c.add(41);
        assert_eq!(c.get(), 42);
    }
}
