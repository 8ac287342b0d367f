//! Inline caches for LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD and STORE_ATTR.
//!
//! Each such instruction owns a [`Cache`] that native code reads to take
//! the fast path (see `compiler::codegen::caches`). The cache starts empty;
//! a miss calls the instruction's `*_cached` helper here, which performs
//! the instruction generically and refills the cache from what it finds.
//! Nothing is ever assumed that native code does not re-check on every
//! execution, so a stale cache costs a miss, never a wrong answer:
//!
//! - a dict entry is used only after checking that the dict's keys still
//!   have the same table shape and that the entry still holds our name
//!   (this survives every store to other names, and any rebinding of ours,
//!   without a refill);
//! - a name found in builtins also requires the globals dict's
//!   `ma_version_tag` unchanged since its absence from globals was checked
//!   (tags are unique per dict state, so this also identifies the dict);
//! - attribute caches are keyed by the owner type's `tp_version_tag`, which
//!   CPython clears whenever the type or one of its bases is modified and
//!   never reuses, and which changes with `__class__` assignment (the
//!   object then has another type).
//!
//! Cached objects (a method, a class attribute) are borrowed: the type's
//! dict holds them for as long as its version is unchanged.

use super::{attrs, name, names, Obj, Sp};
use crate::cpython::api;
use crate::cpython::layout::{DictKeysObject, DictObject, DictUnicodeEntry, InterpreterFrame, ThreadState};
use crate::cpython::layout::{ModuleObject, DICT_KEYS_GENERAL, DICT_KEYS_UNICODE};
use crate::stats;
use pyo3::ffi;
use std::os::raw::c_int;

/// A guard value no type version or dict tag ever equals: a type version
/// is 32 bits, and dict tags count up from 1.
pub const NEVER: u64 = u64::MAX;
/// `shape` of a class-attribute cache for objects that have no dict.
pub const NO_KEYS: u64 = u64::MAX;
/// Refills after which an attribute site is left to the generic path
/// (it sees too many types for its cache).
const MAX_REFILLS: u64 = 64;

/// What a cache entry holds (`Entry::kind`).
pub mod kind {
    /// Nothing.
    pub const EMPTY: u64 = 0;
    /// An instance attribute in the object's inline values, at byte
    /// `offset` of the values array.
    pub const VALUES: u64 = 1;
    /// An object slot (`__slots__` member, or `__class__`) at byte `offset`.
    pub const SLOT: u64 = 2;
    /// A module attribute: an entry of the module's dict.
    pub const MODULE: u64 = 3;
    /// An instance attribute: an entry of the object's materialised dict.
    pub const DICT: u64 = 4;
    /// A plain class attribute (`value`) the instance cannot shadow: its
    /// dict is not materialised and no instance has that name (the shared
    /// keys still have `shape` entries), or it has no dict at all. A
    /// nonzero `offset` is the `tp_version_tag` the value's (mutable) type
    /// must still have: it has not gained `__get__` since.
    pub const CLASS_VALUE: u64 = 5;
    /// LOAD_METHOD of a method (`value`) on an object with inline values
    /// and no instance attribute of that name (as for `CLASS_VALUE`).
    pub const METHOD_VALUES: u64 = 6;
    /// LOAD_METHOD of a method (`value`) on an object without a dict.
    pub const METHOD_NO_DICT: u64 = 7;
    /// An attribute of a class (whose metatype is `type`): a plain value or
    /// a function (`value`), as the class gives it; `offset` as for
    /// `CLASS_VALUE`.
    pub const TYPE_VALUE: u64 = 8;
    /// A static method of a class: the callable the staticmethod object
    /// (`value`) wraps, read from it at every use.
    pub const TYPE_STATIC: u64 = 9;
    /// LOAD_METHOD of a class method of a class: `[function, class]`, the
    /// function read from the classmethod object (`value`) at every use.
    pub const TYPE_CLASSMETHOD: u64 = 10;
    /// LOAD_METHOD of a method (`value`) on an object whose managed dict
    /// is materialised: the dict is searched for the name at every use.
    pub const METHOD_DICT: u64 = 11;
    /// LOAD_ATTR of a non-data descriptor (`value`, a function or a method
    /// descriptor) on an instance nothing shadows it in (as for
    /// `CLASS_VALUE`): the result of its `tp_descr_get`, whose address is
    /// `offset` (its type is immutable), e.g. a bound method.
    pub const BOUND: u64 = 12;
}

/// Entries per cache: a site may see up to this many types.
pub const ENTRIES: usize = 4;

/// The key bit that marks a class owner: its own version (see
/// `owner_key`), never equal to the key of an instance of it.
pub const CLASS_KEY: u64 = 1 << 32;

/// One cached case. Native code reads it at fixed offsets.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Entry {
    /// Attribute caches: the owner's key — its type's `tp_version_tag`,
    /// or for a class owner its own version with [`CLASS_KEY`]. LOAD_GLOBAL:
    /// 0 when the name is in globals, else the globals' `ma_version_tag`
    /// when the name was found in builtins. [`NEVER`] when empty.
    pub guard: u64,
    pub kind: u64,
    /// For a dict entry: the keys' table shape, the 16-bit word of
    /// `dk_log2_index_bytes` and `dk_kind`. For `CLASS_VALUE` and
    /// `METHOD_VALUES`: the shared keys' `dk_nentries`, or [`NO_KEYS`].
    pub shape: u64,
    /// For a dict entry: the byte offset of the entry from its keys
    /// object. `VALUES`, `SLOT`: byte offset in the values array or object.
    pub offset: u64,
    /// A borrowed method, class attribute or method wrapper.
    pub value: u64,
}

const EMPTY_ENTRY: Entry = Entry { guard: NEVER, kind: kind::EMPTY, shape: 0, offset: 0, value: 0 };

/// LOAD_GLOBAL's first check: the value the name had while globals and
/// builtins had these `ma_version_tag`s. Tags are unique per dict state
/// across all dicts, so equal tags mean both namespaces are exactly as
/// they were, the value is still theirs, and (for a builtin) the name is
/// still absent from globals.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct GlobalVersions {
    pub globals: u64,
    pub builtins: u64,
    /// Borrowed: the namespace holding it keeps it while its tag stands.
    pub value: u64,
    /// For a builtin: the version of the globals' keys without the name
    /// (`dk_version`, which CPython assigns when it specialises a
    /// LOAD_GLOBAL and clears whenever a key is inserted, and never gives
    /// twice), or [`NEVER`]. While it stands, the name is still absent
    /// from globals however their values change.
    pub globals_keys: u64,
}

/// One instruction's cache: [`ENTRIES`] entries, tried in order (LOAD_GLOBAL
/// uses the first only, behind `versions`).
#[repr(C)]
pub struct Cache {
    pub entries: [Entry; ENTRIES],
    /// Times an entry was (re)filled.
    pub refills: u64,
    pub versions: GlobalVersions,
    /// LOAD_GLOBAL of a name that was a global when compiled: native code
    /// checks the globals' tag only, so `versions` may hold globals only.
    pub globals_only: bool,
    /// The code unit of the instruction the cache serves.
    pub unit: u32,
}

impl Cache {
    pub fn new() -> Cache {
        let versions = GlobalVersions { globals: NEVER, builtins: NEVER, value: 0, globals_keys: NEVER };
        Cache { entries: [EMPTY_ENTRY; ENTRIES], refills: 0, versions, globals_only: false, unit: 0 }
    }

    /// The entry to fill for `key`: the one already keyed so (now stale),
    /// an empty one, or the oldest filled. None once the site has been
    /// refilled too often to be worth caching.
    fn slot_for(&mut self, key: u64) -> Option<&mut Entry> {
        let i = match self.entries.iter().position(|e| e.guard == key) {
            Some(i) => {
                // Same owner type, but what the entry pointed at moved.
                stats::INVALIDATIONS.bump(stats::Invalidation::AttributeStale);
                i
            }
            None => match self.entries.iter().position(|e| e.guard == NEVER) {
                Some(i) => i,
                None => {
                    self.entries.rotate_left(1);
                    ENTRIES - 1
                }
            },
        };
        self.entries[i] = EMPTY_ENTRY;
        Some(&mut self.entries[i])
    }
}

impl Cache {
    /// What the site has seen, as the interpreter's specialised form of its
    /// instruction (`op`, the generic opcode it serves) would record it:
    /// the form and its inline cache units, for a site that has seen one
    /// kind of instance attribute or method only.
    pub fn as_specialised(&self, op: crate::cpython::opcode::Op) -> Option<(u8, Vec<u16>)> {
        use crate::cpython::opcode::{specialised as sp, Op};
        let e = &self.entries[0];
        let monomorphic = self.entries[1..].iter().all(|x| x.guard == NEVER);
        if e.guard == NEVER || e.guard >= CLASS_KEY || !monomorphic {
            return None;
        }
        let version = [e.guard as u16, (e.guard >> 16) as u16];
        let attr = |form: u8, index: u64| (index < 1 << 16).then(|| (form, vec![0, version[0], version[1], index as u16]));
        match (op, e.kind) {
            (Op::LOAD_ATTR, kind::VALUES) => attr(sp::LOAD_ATTR_INSTANCE_VALUE, e.offset / 8),
            (Op::LOAD_ATTR, kind::SLOT) => attr(sp::LOAD_ATTR_SLOT, e.offset),
            (Op::STORE_ATTR, kind::VALUES) => attr(sp::STORE_ATTR_INSTANCE_VALUE, e.offset / 8),
            (Op::STORE_ATTR, kind::SLOT) => attr(sp::STORE_ATTR_SLOT, e.offset),
            (Op::LOAD_METHOD, kind::METHOD_NO_DICT) => {
                let mut units = vec![0, version[0], version[1], 0, 0, 0];
                units.extend((0..4).map(|k| (e.value >> (16 * k)) as u16));
                Some((sp::LOAD_METHOD_NO_DICT, units))
            }
            _ => None,
        }
    }

    /// Counts a refill; false once the site has been refilled too often to
    /// be worth caching (checked before any lookup work).
    fn budget(&mut self) -> bool {
        self.refills += 1;
        self.refills <= MAX_REFILLS
    }
}

impl Default for Cache {
    fn default() -> Self {
        Cache::new()
    }
}

/// Byte offset of `dk_log2_index_bytes`, whose 16-bit word with the
/// following `dk_kind` is a table's shape.
pub const SHAPE_OFFSET: usize = std::mem::offset_of!(DictKeysObject, dk_log2_index_bytes);
const _: () = assert!(std::mem::offset_of!(DictKeysObject, dk_kind) == SHAPE_OFFSET + 1);

/// The table shape of `keys` (see [`Entry::shape`]).
///
/// # Safety
/// A live keys object.
unsafe fn shape_of(keys: *mut DictKeysObject) -> u64 {
    // SAFETY: live keys object (caller).
    unsafe { (*keys).dk_log2_index_bytes as u64 | ((*keys).dk_kind as u64) << 8 }
}

/// `a == b` for two str objects, identity first.
///
/// # Safety
/// Live str objects, GIL held.
unsafe fn same_name(a: Obj, b: Obj) -> bool {
    // SAFETY: forwarded; both are str (dict keys of str tables, code names).
    a == b || unsafe { ffi::PyUnicode_Compare(a, b) == 0 }
}

/// The index of `name` among the first `dk_nentries` entries of a
/// str-keyed (or split) table, by equality.
///
/// # Safety
/// A live keys object whose entries are `DictUnicodeEntry`, GIL held.
unsafe fn index_in(keys: *mut DictKeysObject, name: Obj) -> Option<usize> {
    // SAFETY: entries up to dk_nentries are initialised (keys or NULL).
    unsafe {
        let entries = DictKeysObject::entries(keys) as *mut DictUnicodeEntry;
        (0..(*keys).dk_nentries.max(0) as usize).find(|&i| {
            let key = (*entries.add(i)).me_key;
            !key.is_null() && same_name(key, name)
        })
    }
}

/// `(shape, byte offset)` of the entry holding `name` (by identity, as
/// native code compares it) with a value, in a combined str-keyed dict.
///
/// # Safety
/// A live dict, GIL held.
unsafe fn entry_of(dict: Obj, name: Obj) -> Option<(u64, u64)> {
    // SAFETY: a live dict; the entries are read within dk_nentries.
    unsafe {
        let d = dict as *mut DictObject;
        let keys = (*d).ma_keys;
        if !(*d).ma_values.is_null() || (*keys).dk_kind != DICT_KEYS_UNICODE {
            return None;
        }
        let entries = DictKeysObject::entries(keys) as *mut DictUnicodeEntry;
        let i = (0..(*keys).dk_nentries.max(0) as usize)
            .find(|&i| (*entries.add(i)).me_key == name && !(*entries.add(i)).me_value.is_null())?;
        Some((shape_of(keys), entries.add(i) as u64 - keys as u64))
    }
}

/// Whether the entry still points at `name`'s slot in `dict`, as native
/// code checks it.
///
/// # Safety
/// A live dict, GIL held.
unsafe fn entry_still_holds(dict: Obj, entry: &Entry, name: Obj) -> bool {
    // SAFETY: the shape check guarantees that the offset lies within the
    // table's entries (same index size, so same capacity).
    unsafe {
        let keys = (*(dict as *mut DictObject)).ma_keys;
        if shape_of(keys) != entry.shape {
            return false;
        }
        let e = (keys as *mut u8).add(entry.offset as usize) as *mut DictUnicodeEntry;
        (*e).me_key == name && !(*e).me_value.is_null()
    }
}

/// The helper signature of cached instructions: an instruction helper's,
/// plus the cache.
pub type CachedHelper = unsafe extern "C" fn(*mut ThreadState, *mut InterpreterFrame, *mut Obj, u32, *mut Cache) -> c_int;

/// LOAD_GLOBAL on a cache miss: the generic load, then a refill.
///
/// # Safety
/// Called from native code with the GIL held, a live frame, the stack
/// pointer and operand of the instruction, and the instruction's cache.
pub unsafe extern "C" fn load_global_cached(
    tstate: *mut ThreadState,
    frame: *mut InterpreterFrame,
    sp: *mut Obj,
    oparg: u32,
    cache: *mut Cache,
) -> c_int {
    stats::CACHE_MISSES.bump(stats::CacheOp::LoadGlobal);
    // A builtin whose entry stands while other globals were stored: one
    // lookup shows the name is still not a global.
    let revalidated = super::guard("load_global_cached", false, || {
        // SAFETY: the caller's contract; the cache is this site's.
        unsafe { revalidate_builtin(&mut (*cache).entries[0], frame, sp, oparg) }
    });
    if revalidated {
        stats::INVALIDATIONS.bump(stats::Invalidation::BuiltinStillValid);
    } else {
        // SAFETY: the cache is this site's.
        if unsafe { (*cache).entries[0].guard } != NEVER {
            stats::INVALIDATIONS.bump(stats::Invalidation::GlobalRebound);
        }
        // SAFETY: forwarded.
        let status = unsafe { names::load_global_op(tstate, frame, sp, oparg) };
        if status != 0 {
            return status;
        }
    }
    super::guard("load_global_cached", -1, || {
        // SAFETY: the caller's contract; the cache is this site's, and the
        // value just pushed is the name's in the namespaces as they are.
        unsafe {
            let cache = &mut *cache;
            if !revalidated {
                refill_global(&mut cache.entries[0], (*frame).f_globals, (*frame).f_builtins, name(frame, oparg >> 1));
                cache.refills += 1;
            }
            let (globals, builtins) = ((*frame).f_globals, (*frame).f_builtins);
            cache.versions.globals = NEVER;
            cache.versions.globals_keys = NEVER;
            let builtin = cache.entries[0].guard != 0;
            if plain_namespaces(globals, builtins) && !(builtin && cache.globals_only) {
                let keys_version = (*(*(globals as *mut DictObject)).ma_keys).dk_version as u64;
                let absent = keys_version != 0 && {
                    let found = ffi::PyDict_GetItemWithError(globals, name(frame, oparg >> 1));
                    let absent = found.is_null() && ffi::PyErr_Occurred().is_null();
                    ffi::PyErr_Clear();
                    absent
                };
                cache.versions = GlobalVersions {
                    globals: (*(globals as *mut DictObject)).ma_version_tag,
                    builtins: (*(builtins as *mut DictObject)).ma_version_tag,
                    value: *sp.add((oparg & 1) as usize) as u64,
                    globals_keys: if absent { keys_version } else { NEVER },
                };
            }
        }
        0
    })
}

/// For an entry of a builtin whose globals tag went stale: if the name is
/// still not in globals and the builtins slot still holds it, refreshes
/// the tag and pushes the value as LOAD_GLOBAL does.
unsafe fn revalidate_builtin(entry: &mut Entry, frame: *mut InterpreterFrame, sp: *mut Obj, oparg: u32) -> bool {
    // SAFETY: live frame and namespaces, GIL held; `sp` has room for the
    // one or two values LOAD_GLOBAL pushes.
    unsafe {
        let (globals, builtins) = ((*frame).f_globals, (*frame).f_builtins);
        let name = name(frame, oparg >> 1);
        if entry.guard == 0 || entry.guard == NEVER || !plain_namespaces(globals, builtins) {
            return false;
        }
        if !ffi::PyDict_GetItemWithError(globals, name).is_null() || !ffi::PyErr_Occurred().is_null() {
            ffi::PyErr_Clear();
            return false;
        }
        if !entry_still_holds(builtins, entry, name) {
            return false;
        }
        entry.guard = (*(globals as *mut DictObject)).ma_version_tag;
        let keys = (*(builtins as *mut DictObject)).ma_keys;
        let value = (*((keys as *mut u8).add(entry.offset as usize) as *mut DictUnicodeEntry)).me_value;
        let push_null = (oparg & 1) as usize;
        *sp = std::ptr::null_mut();
        *sp.add(push_null) = super::new_ref(value);
        true
    }
}

/// Whether `d` is an exact dict whose keys are all str: looking a str up
/// in it runs no Python code (no key's `__eq__`), so the program cannot
/// tell a lookup made from one skipped or added.
///
/// # Safety
/// GIL held; `d` a live object.
pub unsafe fn plain_dict(d: Obj) -> bool {
    // SAFETY: a live object; an exact dict's keys table is live.
    unsafe { ffi::PyDict_CheckExact(d) != 0 && (*(*(d as *mut DictObject)).ma_keys).dk_kind != DICT_KEYS_GENERAL }
}

/// Whether LOAD_GLOBAL may cache what it finds in these namespaces
/// (checking it again instead of looking it up).
unsafe fn plain_namespaces(globals: Obj, builtins: Obj) -> bool {
    // SAFETY: live objects, GIL held (caller).
    unsafe { plain_dict(globals) && plain_dict(builtins) }
}

/// Points the entry at `name`'s slot in globals, or in builtins.
unsafe fn refill_global(entry: &mut Entry, globals: Obj, builtins: Obj, name: Obj) {
    // SAFETY: live namespaces, GIL held; the load just succeeded, so the
    // name is in globals or (absent from globals) in builtins.
    unsafe {
        let previous = *entry;
        *entry = EMPTY_ENTRY;
        if !plain_namespaces(globals, builtins) {
            return;
        }
        let in_globals = !ffi::PyDict_GetItemWithError(globals, name).is_null();
        if in_globals || !ffi::PyErr_Occurred().is_null() {
            ffi::PyErr_Clear();
            if let Some((shape, offset)) = entry_of(globals, name) {
                (entry.guard, entry.shape, entry.offset) = (0, shape, offset);
            }
            return;
        }
        // Often only the globals changed: the builtins slot stands.
        let tag = (*(globals as *mut DictObject)).ma_version_tag;
        if entry_still_holds(builtins, &previous, name) {
            (entry.guard, entry.shape, entry.offset) = (tag, previous.shape, previous.offset);
        } else if let Some((shape, offset)) = entry_of(builtins, name) {
            (entry.guard, entry.shape, entry.offset) = (tag, shape, offset);
        }
    }
}

/// The type's version tag, assigning one if needed; None if the type
/// cannot have one.
unsafe fn type_version(tp: *mut ffi::PyTypeObject, name: Obj) -> Option<u64> {
    // SAFETY: a live type, GIL held. `_PyType_Lookup` assigns a version
    // tag when it can (and returns a borrowed reference or NULL).
    unsafe {
        api::_PyType_Lookup(tp, name);
        let valid = (*tp).tp_flags & ffi::Py_TPFLAGS_VALID_VERSION_TAG != 0;
        (valid && (*tp).tp_version_tag != 0).then_some((*tp).tp_version_tag as u64)
    }
}

/// Whether `owner` is a class whose metatype is exactly `type`.
unsafe fn is_plain_class(owner: Obj) -> bool {
    // SAFETY: a live object.
    unsafe { ffi::Py_TYPE(owner) == std::ptr::addr_of_mut!(ffi::PyType_Type) }
}

/// The key native code computes for `owner` (see [`Entry::guard`]).
unsafe fn owner_key(owner: Obj, name: Obj) -> Option<u64> {
    // SAFETY: a live object, GIL held.
    unsafe {
        if is_plain_class(owner) {
            type_version(owner as *mut ffi::PyTypeObject, name).map(|v| v | CLASS_KEY)
        } else {
            type_version(ffi::Py_TYPE(owner), name)
        }
    }
}

/// Whether the type's attribute lookup is `PyObject_GenericGetAttr`.
unsafe fn generic_getattr(tp: *mut ffi::PyTypeObject) -> bool {
    // SAFETY: a live type; libpython's exported function has one address.
    unsafe { (*tp).tp_getattro.map(|f| f as usize) == Some(ffi::PyObject_GenericGetAttr as *const () as usize) }
}

/// Whether the type's attribute assignment is `PyObject_GenericSetAttr`.
unsafe fn generic_setattr(tp: *mut ffi::PyTypeObject) -> bool {
    // SAFETY: as above.
    unsafe { (*tp).tp_setattro.map(|f| f as usize) == Some(ffi::PyObject_GenericSetAttr as *const () as usize) }
}

/// The pointer to an object's managed-dict slot (`_PyObject_ManagedDictPointer`).
fn managed_dict_slot(obj: Obj) -> *mut Obj {
    (obj as *mut Obj).wrapping_sub(3)
}

/// The pointer to an object's inline-values slot (`_PyObject_ValuesPointer`).
fn values_slot(obj: Obj) -> *mut *mut Obj {
    (obj as *mut *mut Obj).wrapping_sub(4)
}

/// The shared keys of a heap type with managed dicts (`ht_cached_keys`).
unsafe fn shared_keys(tp: *mut ffi::PyTypeObject) -> *mut DictKeysObject {
    // SAFETY: heap types are PyHeapTypeObject (caller checks the flag).
    unsafe { (*(tp as *mut ffi::PyHeapTypeObject)).ht_cached_keys as *mut DictKeysObject }
}

/// Byte offset of the callable in a staticmethod or classmethod object
/// (their first field; checked at start-up by [`init`]).
pub const WRAPPED_CALLABLE: i32 = 16;

/// Whether [`WRAPPED_CALLABLE`] was confirmed on this interpreter.
static WRAPPERS_OK: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Confirms where staticmethod and classmethod objects keep their callable
/// (their struct is private to CPython); the caches that read it are used
/// only if it is where expected.
///
/// # Safety
/// GIL held.
pub unsafe fn init() {
    // SAFETY: GIL held; the probe objects are created and released here.
    unsafe {
        // Any callable serves as the probe.
        let f = std::ptr::addr_of_mut!(ffi::PyType_Type) as Obj;
        let ok = [ffi::PyStaticMethod_New(f), ffi::PyClassMethod_New(f)].iter().all(|&w| {
            if w.is_null() {
                ffi::PyErr_Clear();
                return false;
            }
            let inside = *((w as *mut u8).add(WRAPPED_CALLABLE as usize) as *mut Obj);
            ffi::Py_DECREF(w);
            inside == f
        });
        WRAPPERS_OK.store(ok, std::sync::atomic::Ordering::Relaxed);
    }
}

/// How the type's attribute `name` (borrowed `descr`, or NULL) affects
/// attribute access on its instances.
#[derive(PartialEq)]
enum Descriptor {
    /// No class attribute.
    Absent,
    /// A class attribute that is not a descriptor, of an immutable type.
    Plain,
    /// On loads: a class attribute that is not a descriptor, of a mutable
    /// type whose `tp_version_tag` is this (it could gain `__get__` later,
    /// which changes that version).
    MutablePlain(u64),
    /// A method (`Py_TPFLAGS_METHOD_DESCRIPTOR`) of an immutable type.
    Method,
    /// A descriptor without `__set__` of an immutable type.
    NonOverriding,
    /// A `__slots__` member (or `__class__`) at this offset.
    Slot(isize),
    /// Anything else: data descriptors, mutable descriptor types (they
    /// could gain `__get__`/`__set__` later), overridden access.
    Other,
}

unsafe fn classify(tp: *mut ffi::PyTypeObject, descr: Obj, name: Obj, store: bool) -> Descriptor {
    // SAFETY: a live type and descriptor (or NULL), GIL held.
    unsafe {
        if descr.is_null() {
            return Descriptor::Absent;
        }
        let dt = ffi::Py_TYPE(descr);
        if (*dt).tp_flags & ffi::Py_TPFLAGS_IMMUTABLETYPE == 0 {
            if !store && (*dt).tp_descr_get.is_none() && (*dt).tp_descr_set.is_none() {
                if let Some(version) = type_version(dt, name) {
                    return Descriptor::MutablePlain(version);
                }
            }
            return Descriptor::Other;
        }
        if (*dt).tp_descr_set.is_some() {
            if dt == std::ptr::addr_of_mut!(ffi::PyMemberDescr_Type) {
                let member = (*(descr as *mut ffi::PyMemberDescrObject)).d_member;
                let owner_ok = ffi::PyType_IsSubtype(tp, (*(descr as *mut ffi::PyDescrObject)).d_type) != 0;
                let flags_ok = if store {
                    (*member).flags & ffi::Py_READONLY == 0
                } else {
                    (*member).flags & ffi::Py_AUDIT_READ == 0
                };
                if (*member).type_code == ffi::Py_T_OBJECT_EX && owner_ok && flags_ok && (*member).offset > 0 {
                    return Descriptor::Slot((*member).offset);
                }
            }
            // `obj.__class__` is the object's type pointer.
            let object = std::ptr::addr_of_mut!(ffi::PyBaseObject_Type);
            if !store && descr == api::_PyType_Lookup(object, name) && same_name(name, dunder_class()) {
                return Descriptor::Slot(std::mem::offset_of!(ffi::PyObject, ob_type) as isize);
            }
            return Descriptor::Other;
        }
        if (*dt).tp_descr_get.is_none() {
            Descriptor::Plain
        } else if (*dt).tp_flags & ffi::Py_TPFLAGS_METHOD_DESCRIPTOR != 0 {
            Descriptor::Method
        } else {
            Descriptor::NonOverriding
        }
    }
}

/// The interned `"__class__"`.
fn dunder_class() -> Obj {
    static NAME: std::sync::atomic::AtomicPtr<ffi::PyObject> = std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());
    let mut p = NAME.load(std::sync::atomic::Ordering::Relaxed);
    if p.is_null() {
        // SAFETY: GIL held (callers run under it); the interned string
        // is kept for the life of the process.
        p = unsafe { ffi::PyUnicode_InternFromString(c"__class__".as_ptr()) };
        NAME.store(p, std::sync::atomic::Ordering::Relaxed);
    }
    p
}

/// Fills `entry` for a module attribute, if `owner` is exactly a module
/// and `name` is not an attribute of the module type itself.
unsafe fn module_entry(entry: &mut Entry, owner: Obj, name: Obj) -> bool {
    // SAFETY: live objects, GIL held.
    unsafe {
        let module_type = std::ptr::addr_of_mut!(ffi::PyModule_Type);
        if ffi::Py_TYPE(owner) != module_type || !api::_PyType_Lookup(module_type, name).is_null() {
            return false;
        }
        let dict = (*(owner as *mut ModuleObject)).md_dict;
        if dict.is_null() || ffi::PyDict_CheckExact(dict) == 0 {
            return false;
        }
        match entry_of(dict, name) {
            Some((shape, offset)) => {
                (entry.kind, entry.shape, entry.offset) = (kind::MODULE, shape, offset);
                true
            }
            None => false,
        }
    }
}

/// Fills `entry` for an attribute of a class whose metatype is `type`:
/// `cls.name` as `type.__getattribute__` gives it, when that is a stored
/// object (a plain value, a function, a static method's callable) and
/// `type` itself has no attribute of that name. With `method`, a class
/// method gives `[function, cls]` for the call that follows.
unsafe fn class_entry(entry: &mut Entry, owner: Obj, name: Obj, method: bool) -> bool {
    // SAFETY: live objects, GIL held.
    unsafe {
        let cls = owner as *mut ffi::PyTypeObject;
        if !api::_PyType_Lookup(std::ptr::addr_of_mut!(ffi::PyType_Type), name).is_null() {
            return false;
        }
        let descr = api::_PyType_Lookup(cls, name);
        if descr.is_null() {
            return false;
        }
        let dt = ffi::Py_TYPE(descr);
        let wrappers = WRAPPERS_OK.load(std::sync::atomic::Ordering::Relaxed);
        entry.kind = if dt == std::ptr::addr_of_mut!(ffi::PyFunction_Type) {
            kind::TYPE_VALUE
        } else if dt == std::ptr::addr_of_mut!(ffi::PyStaticMethod_Type) && wrappers {
            kind::TYPE_STATIC
        } else if dt == std::ptr::addr_of_mut!(ffi::PyClassMethod_Type) && wrappers && method {
            kind::TYPE_CLASSMETHOD
        } else if (*dt).tp_descr_get.is_none() {
            if (*dt).tp_flags & ffi::Py_TPFLAGS_IMMUTABLETYPE == 0 {
                let Some(version) = type_version(dt, name) else { return false };
                entry.offset = version;
            }
            kind::TYPE_VALUE
        } else {
            return false;
        };
        entry.value = descr as u64;
        true
    }
}

/// Fills an attribute cache entry for `owner.name` (LOAD_ATTR).
unsafe fn refill_load_attr(cache: &mut Cache, owner: Obj, name: Obj) {
    // SAFETY: forwarded.
    unsafe { refill_load(cache, owner, name, false) }
}

/// Fills a method cache entry for `owner.name(...)` (LOAD_METHOD).
unsafe fn refill_load_method(cache: &mut Cache, owner: Obj, name: Obj) {
    // SAFETY: forwarded.
    unsafe { refill_load(cache, owner, name, true) }
}

/// Fills the entry keyed by `owner` for a load of `owner.name`, as an
/// attribute or (with `method`) for the call that follows.
unsafe fn refill_load(cache: &mut Cache, owner: Obj, name: Obj, method: bool) {
    if !cache.budget() {
        return;
    }
    // SAFETY: live objects, GIL held; see `classify` and the slot helpers.
    unsafe {
        let Some(key) = owner_key(owner, name) else { return };
        let Some(entry) = cache.slot_for(key) else { return };
        let filled = if is_plain_class(owner) {
            class_entry(entry, owner, name, method)
        } else if ffi::PyModule_CheckExact(owner) != 0 {
            module_entry(entry, owner, name)
        } else if method {
            instance_method_entry(entry, owner, name)
        } else {
            instance_attr_entry(entry, owner, name)
        };
        if filled {
            entry.guard = key;
        }
    }
}

/// Fills `entry` for an attribute of an instance with generic lookup.
unsafe fn instance_attr_entry(entry: &mut Entry, owner: Obj, name: Obj) -> bool {
    // SAFETY: as for `refill_load`.
    unsafe {
        let tp = ffi::Py_TYPE(owner);
        if !generic_getattr(tp) {
            return false;
        }
        let descr = api::_PyType_Lookup(tp, name);
        let class = classify(tp, descr, name, false);
        let managed = (*tp).tp_flags & ffi::Py_TPFLAGS_MANAGED_DICT != 0;
        match class {
            Descriptor::MutablePlain(version) => {
                let Some(shape) = unshadowed(tp, owner, name) else { return false };
                (entry.kind, entry.shape, entry.offset, entry.value) = (kind::CLASS_VALUE, shape, version, descr as u64);
                return true;
            }
            // Shadowed ones are cached as the instance attribute below.
            Descriptor::Method | Descriptor::NonOverriding => {
                if let (Some(shape), Some(get)) = (unshadowed(tp, owner, name), (*ffi::Py_TYPE(descr)).tp_descr_get) {
                    (entry.kind, entry.shape, entry.offset, entry.value) =
                        (kind::BOUND, shape, get as usize as u64, descr as u64);
                    return true;
                }
            }
            _ => {}
        }
        match class {
            Descriptor::Slot(offset) => (entry.kind, entry.offset) = (kind::SLOT, offset as u64),
            Descriptor::Absent | Descriptor::Plain | Descriptor::Method | Descriptor::NonOverriding if managed => {
                let dict = *managed_dict_slot(owner);
                let keys = shared_keys(tp);
                if !dict.is_null() {
                    let Some((shape, offset)) = entry_of(dict, name) else { return false };
                    (entry.kind, entry.shape, entry.offset) = (kind::DICT, shape, offset);
                } else if keys.is_null() {
                    return false;
                } else if let Some(i) = index_in(keys, name) {
                    (entry.kind, entry.offset) = (kind::VALUES, (i * std::mem::size_of::<Obj>()) as u64);
                } else if class == Descriptor::Plain {
                    (entry.kind, entry.shape, entry.value) = (kind::CLASS_VALUE, (*keys).dk_nentries as u64, descr as u64);
                } else {
                    return false;
                }
            }
            Descriptor::Plain if !managed && (*tp).tp_dictoffset == 0 => {
                (entry.kind, entry.shape, entry.value) = (kind::CLASS_VALUE, NO_KEYS, descr as u64);
            }
            _ => return false,
        }
        true
    }
}

/// The `shape` under which no attribute of `owner` can shadow its type's
/// attribute `name` (see `kind::CLASS_VALUE`), if none does now.
unsafe fn unshadowed(tp: *mut ffi::PyTypeObject, owner: Obj, name: Obj) -> Option<u64> {
    // SAFETY: a live object and its type, GIL held.
    unsafe {
        if (*tp).tp_flags & ffi::Py_TPFLAGS_MANAGED_DICT != 0 {
            let keys = shared_keys(tp);
            let absent = (*managed_dict_slot(owner)).is_null() && !keys.is_null() && index_in(keys, name).is_none();
            absent.then(|| (*keys).dk_nentries as u64)
        } else {
            ((*tp).tp_dictoffset == 0).then_some(NO_KEYS)
        }
    }
}

/// Fills `entry` for a method found on an instance's type.
unsafe fn instance_method_entry(entry: &mut Entry, owner: Obj, name: Obj) -> bool {
    // SAFETY: as for `refill_load`.
    unsafe {
        let tp = ffi::Py_TYPE(owner);
        if !generic_getattr(tp) || ffi::PyType_Check(owner) != 0 {
            return false;
        }
        let descr = api::_PyType_Lookup(tp, name);
        if classify(tp, descr, name, false) != Descriptor::Method {
            return false;
        }
        if (*tp).tp_flags & ffi::Py_TPFLAGS_MANAGED_DICT != 0 {
            let keys = shared_keys(tp);
            if !(*managed_dict_slot(owner)).is_null() {
                entry.kind = kind::METHOD_DICT;
            } else if keys.is_null() || index_in(keys, name).is_some() {
                return false;
            } else {
                (entry.kind, entry.shape) = (kind::METHOD_VALUES, (*keys).dk_nentries as u64);
            }
        } else if (*tp).tp_dictoffset == 0 {
            entry.kind = kind::METHOD_NO_DICT;
        } else {
            return false;
        }
        entry.value = descr as u64;
        true
    }
}

/// Fills an attribute-store cache entry for `owner.name = v` (STORE_ATTR).
unsafe fn refill_store_attr(cache: &mut Cache, owner: Obj, name: Obj) {
    if !cache.budget() {
        return;
    }
    // SAFETY: as for `refill_load`.
    unsafe {
        let tp = ffi::Py_TYPE(owner);
        if is_plain_class(owner) || !generic_setattr(tp) {
            return;
        }
        let Some(key) = type_version(tp, name) else { return };
        let Some(entry) = cache.slot_for(key) else { return };
        let descr = api::_PyType_Lookup(tp, name);
        match classify(tp, descr, name, true) {
            Descriptor::Slot(offset) => (entry.kind, entry.offset) = (kind::SLOT, offset as u64),
            Descriptor::Absent | Descriptor::Plain | Descriptor::Method | Descriptor::NonOverriding
                if (*tp).tp_flags & ffi::Py_TPFLAGS_MANAGED_DICT != 0 =>
            {
                let keys = shared_keys(tp);
                if !(*managed_dict_slot(owner)).is_null() {
                    entry.kind = kind::DICT;
                } else if (*values_slot(owner)).is_null() || keys.is_null() {
                    return;
                } else {
                    let Some(i) = index_in(keys, name) else { return };
                    (entry.kind, entry.offset) = (kind::VALUES, (i * std::mem::size_of::<Obj>()) as u64);
                }
            }
            _ => return,
        }
        entry.guard = key;
    }
}

/// Records that the inline value at byte `offset` was just set for the
/// first time (`_PyDictValues_AddToInsertionOrder`: the values' insertion
/// order is kept in the bytes before them, the count at `[-2]`).
///
/// # Safety
/// Called from native code with the GIL held, for a live values array
/// and the offset of one of its slots.
pub unsafe extern "C" fn values_added(values: *mut Obj, offset: u64) {
    // SAFETY: the order bytes precede the values array; the shared keys
    // bound the number of entries below the capacity at `[-1]`.
    unsafe {
        let size_ptr = (values as *mut u8).sub(2);
        let size = *size_ptr as usize + 1;
        *size_ptr.sub(size) = (offset / std::mem::size_of::<Obj>() as u64) as u8;
        *size_ptr = size as u8;
    }
}

/// Looks `name` up in an instance dict for native code, as the generic
/// attribute lookup would: the value (borrowed) if present, else NULL.
/// Returns NULL without looking if the dict has keys other than str (a
/// lookup could then run Python code, which the generic path must run
/// instead, once): native code then takes the miss path.
///
/// # Safety
/// Called from native code with the GIL held, a live dict and str name.
pub unsafe extern "C" fn dict_lookup(dict: Obj, name: Obj) -> Obj {
    // SAFETY: live objects, GIL held; with only str keys the lookup runs
    // no Python code and cannot fail.
    unsafe {
        let keys = (*(dict as *mut DictObject)).ma_keys;
        if (*keys).dk_kind == DICT_KEYS_GENERAL {
            return std::ptr::null_mut();
        }
        let v = ffi::PyDict_GetItemWithError(dict, name);
        if v.is_null() {
            ffi::PyErr_Clear();
        }
        v
    }
}

/// Whether an instance dict lacks `name`, for native code: 1 if it does,
/// 0 if it has it or cannot be searched without running Python code (see
/// [`dict_lookup`]).
///
/// # Safety
/// As [`dict_lookup`].
pub unsafe extern "C" fn dict_lacks(dict: Obj, name: Obj) -> c_int {
    // SAFETY: as in `dict_lookup`.
    unsafe {
        let keys = (*(dict as *mut DictObject)).ma_keys;
        if (*keys).dk_kind == DICT_KEYS_GENERAL {
            return 0;
        }
        let v = ffi::PyDict_GetItemWithError(dict, name);
        if v.is_null() && !ffi::PyErr_Occurred().is_null() {
            ffi::PyErr_Clear();
            return 0;
        }
        v.is_null() as c_int
    }
}

/// Defines a cached instruction's miss helper: refill from the owner on
/// top of the stack, then run the generic helper.
macro_rules! cached_helper {
    ($(#[$meta:meta])* $name:ident, $refill:ident, $generic:path, $op:expr) => {
        $(#[$meta])*
        ///
        /// # Safety
        /// As [`load_global_cached`].
        pub unsafe extern "C" fn $name(
            tstate: *mut ThreadState,
            frame: *mut InterpreterFrame,
            sp: *mut Obj,
            oparg: u32,
            cache: *mut Cache,
        ) -> c_int {
            stats::CACHE_MISSES.bump($op);
            let refilled = super::guard(stringify!($name), -1, || {
                // SAFETY: the caller's contract: the owner is on top of the
                // stack and the cache is this site's.
                unsafe { $refill(&mut *cache, Sp(sp).peek(1), name(frame, oparg)) };
                0
            });
            if refilled < 0 {
                return -1;
            }
            // SAFETY: forwarded.
            unsafe { $generic(tstate, frame, sp, oparg) }
        }
    };
}

cached_helper!(
    /// LOAD_ATTR on a cache miss.
    load_attr_cached, refill_load_attr, attrs::load_attr, stats::CacheOp::LoadAttr
);
cached_helper!(
    /// LOAD_METHOD on a cache miss.
    load_method_cached, refill_load_method, attrs::load_method, stats::CacheOp::LoadMethod
);
cached_helper!(
    /// STORE_ATTR on a cache miss.
    store_attr_cached, refill_store_attr, attrs::store_attr, stats::CacheOp::StoreAttr
);
