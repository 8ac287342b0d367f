//! Per-code-object state, kept in the code object's PEP 523 extra slot.
//!
//! Each code object the hook sees gets one heap-allocated [`CodeState`]: its
//! call count, the exact types of its positional arguments seen while cold,
//! and its tier. CPython frees the state through [`free_state`] when the code
//! object dies, so nothing outlives the code it describes.
//!
//! All access happens with the GIL held, which serialises every reader and
//! writer of a state.

use crate::cpython::layout::{CodeExtra, CodeObject, InterpreterFrame, WeakReference};
use crate::stats;
use pyo3::ffi::{self, PyObject, PyTypeObject};
use std::os::raw::c_void;
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

/// Positional arguments whose types are profiled.
pub const MAX_PROFILED_ARGS: usize = 6;
/// Distinct types remembered per argument before it counts as megamorphic.
pub const MAX_POLYMORPHISM: usize = 4;

/// What the JIT will do with a code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Tier {
    /// Counting calls and profiling argument types.
    Cold,
    /// Marked `@diojit.nojit`: the hook passes its frames straight through.
    OptedOut,
    /// Runs as native code.
    Compiled,
    /// Could not be compiled; runs in the interpreter for good.
    Interpreted,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Cold => "cold",
            Tier::OptedOut => "opted_out",
            Tier::Compiled => "compiled",
            Tier::Interpreted => "interpreted",
        }
    }
}

/// One type seen at an argument position.
///
/// Static types live as long as the interpreter, so a pointer identifies
/// them. Heap types can die and a new type can reuse the address, so they
/// are held through a weak reference: the entry matches only while the
/// weak reference still points at the same object. Holding a strong
/// reference instead would leak classes through an uncollectable cycle
/// (class -> method -> code -> this profile -> class).
struct SeenType {
    ty: *mut PyTypeObject,
    /// Weak reference to `ty` for heap types, NULL for static types.
    weak: *mut PyObject,
}

impl SeenType {
    /// The type, if it is still alive.
    fn live(&self) -> Option<*mut PyTypeObject> {
        if self.weak.is_null() {
            return Some(self.ty);
        }
        // SAFETY: `weak` is a weak reference we own; its referent field is
        // the object or `Py_None` after the object died.
        let referent = unsafe { (*(self.weak as *mut WeakReference)).wr_object };
        (referent == self.ty as *mut PyObject).then_some(self.ty)
    }

    fn matches(&self, ty: *mut PyTypeObject) -> bool {
        self.ty == ty && self.live().is_some()
    }
}

impl Drop for SeenType {
    fn drop(&mut self) {
        // SAFETY: states are dropped with the GIL held (code dealloc or the
        // hook); `weak` is NULL or a reference we own.
        unsafe { ffi::Py_XDECREF(self.weak) }
    }
}

/// The types seen at one argument position.
#[derive(Default)]
pub struct TypeSet {
    seen: Vec<SeenType>,
    megamorphic: bool,
}

/// How many types one argument position has shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Morphism {
    Unseen,
    Monomorphic,
    Polymorphic,
    Megamorphic,
}

impl Morphism {
    pub fn name(self) -> &'static str {
        match self {
            Morphism::Unseen => "unseen",
            Morphism::Monomorphic => "monomorphic",
            Morphism::Polymorphic => "polymorphic",
            Morphism::Megamorphic => "megamorphic",
        }
    }
}

impl TypeSet {
    /// Records the type of one argument value.
    fn observe(&mut self, ty: *mut PyTypeObject) {
        if self.megamorphic || self.seen.iter().any(|s| s.matches(ty)) {
            return;
        }
        self.seen.retain(|s| s.live().is_some());
        if self.seen.len() == MAX_POLYMORPHISM {
            self.megamorphic = true;
            return;
        }
        match remember(ty) {
            Some(entry) => self.seen.push(entry),
            None => self.megamorphic = true,
        }
    }

    pub fn morphism(&self) -> Morphism {
        match (self.megamorphic, self.seen.len()) {
            (true, _) => Morphism::Megamorphic,
            (false, 0) => Morphism::Unseen,
            (false, 1) => Morphism::Monomorphic,
            (false, _) => Morphism::Polymorphic,
        }
    }

    /// The observed types still alive, in the order first seen.
    pub fn types(&self) -> impl Iterator<Item = *mut PyTypeObject> + '_ {
        self.seen.iter().filter_map(SeenType::live)
    }
}

/// Makes a profile entry for `ty`, or `None` if it cannot be tracked.
fn remember(ty: *mut PyTypeObject) -> Option<SeenType> {
    // SAFETY: `ty` is the live type of an argument, GIL held.
    unsafe {
        if (*ty).tp_flags & ffi::Py_TPFLAGS_HEAPTYPE == 0 {
            return Some(SeenType { ty, weak: std::ptr::null_mut() });
        }
        let weak = ffi::PyWeakref_NewRef(ty as *mut PyObject, std::ptr::null_mut());
        if weak.is_null() {
            ffi::PyErr_Clear();
            return None;
        }
        Some(SeenType { ty, weak })
    }
}

/// Everything the JIT knows about one code object.
pub struct CodeState {
    pub calls: u64,
    pub tier: Tier,
    /// Profiled positional arguments, `min(co_argcount, MAX_PROFILED_ARGS)`.
    pub args: Vec<TypeSet>,
    /// The native code, once compiled.
    pub native: Option<Box<crate::compiler::Native>>,
    /// Native code replaced by a recompilation: frames may still run it
    /// or return into it, so it lives as long as the code object.
    pub retired: Vec<Box<crate::compiler::Native>>,
    /// What compiled callers call for this code: the current native
    /// code's frame entry, or (after a recompilation failed) a C function
    /// of the same signature making the stock call; 0 if none. Call sites
    /// read it through its address, so a recompilation redirects them.
    pub frame_entry: usize,
    /// Whether compilations may specialise on the profiled argument types
    /// (cleared when those guards keep failing).
    pub specialize_args: bool,
    /// Calls that found an argument of another type than the compiled
    /// code specialised on.
    pub guard_exits: u64,
    /// For a function with a loop compiled at its first call: the call
    /// count at which it is compiled again, with what its inline caches
    /// saw as the profile the interpreter would have given (0: never).
    pub warm_recompile_at: u64,
    /// Why compiling failed, for `Tier::Interpreted`.
    pub fallback: Option<String>,
    /// Exits from this code's native code to the interpreter.
    pub exits: u64,
    /// The code has a loop (a backward jump): it is compiled at its first
    /// call, since a function called once may spend all its time looping.
    pub has_loop: bool,
    /// The interpreter's quickening warm-up (`co_warmup`) as native code
    /// advances it: negative while cold, 0 once the interpreter would have
    /// specialised the code. Calls behave as the quickened forms only
    /// then (see `runtime::calls`).
    pub warmup: i32,
}

impl CodeState {
    fn new(code: *mut CodeObject) -> Self {
        // SAFETY: `code` is a live code object (GIL held).
        let argcount = unsafe { (*code).co_argcount }.max(0) as usize;
        let profiled = argcount.min(MAX_PROFILED_ARGS);
        CodeState {
            calls: 0,
            tier: Tier::Cold,
            args: (0..profiled).map(|_| TypeSet::default()).collect(),
            native: None,
            retired: Vec::new(),
            frame_entry: 0,
            specialize_args: true,
            guard_exits: 0,
            warm_recompile_at: 0,
            fallback: None,
            exits: 0,
            // SAFETY: as above.
            has_loop: unsafe { has_backward_jump(code) },
            warmup: 0,
        }
    }

    /// Records the types of the frame's positional arguments.
    ///
    /// # Safety
    /// `frame` must be a fresh frame of this state's code (arguments in the
    /// first `co_argcount` local slots), GIL held.
    pub unsafe fn observe_args(&mut self, frame: *mut InterpreterFrame) {
        for (i, set) in self.args.iter_mut().enumerate() {
            // SAFETY: i < co_argcount, so the slot is a positional parameter
            // of the frame; parameters are set before the frame is evaluated.
            let value = unsafe { *InterpreterFrame::local_ptr(frame, i) };
            if !value.is_null() {
                // SAFETY: `value` is a live object.
                set.observe(unsafe { ffi::Py_TYPE(value) });
            }
        }
    }
}

/// Whether the bytecode contains a backward jump (a loop). Reads the
/// opcode of every code unit: cache entries and arguments are never a
/// backward-jump opcode in the low byte of an instruction word, but cache
/// units can hold any value, so only instruction starts are examined.
unsafe fn has_backward_jump(code: *mut CodeObject) -> bool {
    use crate::cpython::opcode::Op;
    // SAFETY: the adaptive bytecode has `ob_size` units.
    let units = unsafe {
        std::slice::from_raw_parts(CodeObject::first_instr(code), (*code).ob_size.max(0) as usize)
    };
    let mut i = 0;
    while i < units.len() {
        let op = crate::cpython::opcode::deoptimize(units[i] as u8);
        if matches!(
            op,
            Some(Op::JUMP_BACKWARD | Op::POP_JUMP_BACKWARD_IF_FALSE | Op::POP_JUMP_BACKWARD_IF_TRUE
                | Op::POP_JUMP_BACKWARD_IF_NONE | Op::POP_JUMP_BACKWARD_IF_NOT_NONE)
        ) {
            return true;
        }
        i += 1 + op.map_or(0, |op| op.caches() as usize);
    }
    false
}

/// Index of our slot in every code object's extra array, or -1 until
/// [`init`] has run.
static EXTRA_INDEX: AtomicIsize = AtomicIsize::new(-1);

/// Reserves our code-extra slot. Idempotent.
///
/// # Safety
/// GIL held.
pub unsafe fn init() -> Result<(), &'static str> {
    if EXTRA_INDEX.load(Relaxed) >= 0 {
        return Ok(());
    }
    // SAFETY: GIL held; `free_state` matches `freefunc`.
    let index = unsafe { ffi::PyUnstable_Eval_RequestCodeExtraIndex(free_state) };
    if index < 0 {
        // SAFETY: GIL held.
        unsafe { ffi::PyErr_Clear() };
        return Err("no free code-object extra slot (too many PEP 523 users)");
    }
    EXTRA_INDEX.store(index, Relaxed);
    Ok(())
}

/// The state of `code`, or NULL if it has none.
///
/// Reads `co_extra` directly instead of calling `_PyCode_GetExtra`: this runs
/// on every hooked call.
///
/// # Safety
/// `code` must be a live code object and [`init`] must have succeeded.
#[inline(always)]
pub unsafe fn get(code: *mut CodeObject) -> *mut CodeState {
    let index = EXTRA_INDEX.load(Relaxed);
    // SAFETY: `co_extra` is NULL or a `_PyCodeObjectExtra` with `ce_size`
    // slots; we only index below `ce_size`.
    unsafe {
        let extra = (*code).co_extra;
        if extra.is_null() || index >= (*extra).ce_size {
            return std::ptr::null_mut();
        }
        let slots = std::ptr::addr_of!((*extra).ce_extras) as *const *mut c_void;
        *slots.add(index as usize) as *mut CodeState
    }
}

/// The state of `code`, created if it has none. NULL if it could not be
/// attached (out of memory), in which case no exception is left set.
///
/// # Safety
/// As [`get`].
pub unsafe fn get_or_create(code: *mut CodeObject) -> *mut CodeState {
    // SAFETY: forwarded caller guarantees.
    let existing = unsafe { get(code) };
    if !existing.is_null() {
        return existing;
    }
    let state = Box::into_raw(Box::new(CodeState::new(code)));
    let index = EXTRA_INDEX.load(Relaxed);
    // SAFETY: GIL held; on success CPython owns `state` and frees it through
    // `free_state`.
    let rc = unsafe { attach(code, index, state as *mut c_void) };
    if rc != 0 {
        // SAFETY: not stored, still ours.
        unsafe {
            ffi::PyErr_Clear();
            drop(Box::from_raw(state));
        }
        return std::ptr::null_mut();
    }
    stats::FUNCTIONS_SEEN.bump();
    state
}

/// Stores `value` in slot `index` of `code`'s extra array.
///
/// `_PyCode_SetExtra` sizes a new array for every registered PEP 523 user,
/// and CPython calls each user's free function for each slot when the code
/// dies, set or not: attaching our state would make other tools' free
/// functions run on code they never touched. A code object without extras
/// therefore gets an array just long enough for our slot, laid out and
/// allocated as CPython does (it grows it with `PyMem_Realloc` if another
/// user sets a slot later).
///
/// # Safety
/// GIL held, live code object, `index` our registered index.
unsafe fn attach(code: *mut CodeObject, index: ffi::Py_ssize_t, value: *mut c_void) -> i32 {
    // SAFETY: as above; the array is filled before it is published.
    unsafe {
        if !(*code).co_extra.is_null() {
            return ffi::PyUnstable_Code_SetExtra(code as *mut PyObject, index, value);
        }
        let slots = index as usize + 1;
        let size = std::mem::size_of::<CodeExtra>() + slots * std::mem::size_of::<*mut c_void>();
        let extra = ffi::PyMem_Malloc(size) as *mut CodeExtra;
        if extra.is_null() {
            ffi::PyErr_NoMemory();
            return -1;
        }
        (*extra).ce_size = slots as ffi::Py_ssize_t;
        let array = std::ptr::addr_of_mut!((*extra).ce_extras) as *mut *mut c_void;
        for i in 0..slots {
            *array.add(i) = std::ptr::null_mut();
        }
        *array.add(index as usize) = value;
        (*code).co_extra = extra;
        0
    }
}

/// Free function CPython calls for our slot when a code object dies.
unsafe extern "C" fn free_state(ptr: *mut c_void) {
    if ptr.is_null() {
        return;
    }
    // Dropping only releases weak references and memory; a panic here would
    // be a bug, and must not unwind into CPython.
    let freed = std::panic::catch_unwind(|| {
        // SAFETY: `ptr` came from `Box::into_raw` in `get_or_create`.
        drop(unsafe { Box::from_raw(ptr as *mut CodeState) });
    });
    if freed.is_err() {
        stats::INTERNAL_ERRORS.bump();
    }
}
