//! Fast paths of the cached instructions — LOAD_GLOBAL, LOAD_ATTR,
//! LOAD_METHOD, STORE_ATTR — reading their `runtime::caches::Cache`.
//! Every guard is re-checked on every execution; a failed one calls the
//! instruction's `*_cached` helper, which runs it generically and refills
//! the cache. The rules that make each check sufficient are in
//! `runtime::caches`.
//!
//! LOAD_GLOBAL first compares the namespaces' version tags with those the
//! cached value was read under (only the globals' for a name that was a
//! global when compiled). Attribute and method accesses the interpreter
//! had specialised before compilation first take the interpreter's own
//! path, read from its inline cache and checked exactly as it checks it.

use super::{Gen, Val};
use crate::compiler::bytecode::Instr;
use crate::cpython::layout::{DictKeysObject, DictObject, ModuleObject};
use crate::cpython::opcode::specialised;
use crate::runtime::caches::{self, kind, Cache, CachedHelper, Entry, GlobalVersions, CLASS_KEY, ENTRIES, NO_KEYS, WRAPPED_CALLABLE};
use diojit_asm::{Alu, Arg, Cond, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi;
use std::mem::offset_of;

use super::{F_BUILTINS, F_GLOBALS, OB_TYPE};
const C_GUARD: i32 = offset_of!(Entry, guard) as i32;
const C_KIND: i32 = offset_of!(Entry, kind) as i32;
const C_SHAPE: i32 = offset_of!(Entry, shape) as i32;
const C_OFFSET: i32 = offset_of!(Entry, offset) as i32;
const C_VALUE: i32 = offset_of!(Entry, value) as i32;
const ENTRY_SIZE: i32 = std::mem::size_of::<Entry>() as i32;
const ENTRIES_AT: i32 = offset_of!(Cache, entries) as i32;
const VERSIONS_AT: i32 = offset_of!(Cache, versions) as i32;
const V_GLOBALS: i32 = offset_of!(GlobalVersions, globals) as i32;
const V_BUILTINS: i32 = offset_of!(GlobalVersions, builtins) as i32;
const V_VALUE: i32 = offset_of!(GlobalVersions, value) as i32;
const V_GLOBALS_KEYS: i32 = offset_of!(GlobalVersions, globals_keys) as i32;
const MA_VERSION: i32 = offset_of!(DictObject, ma_version_tag) as i32;
const MA_KEYS: i32 = offset_of!(DictObject, ma_keys) as i32;
const DK_NENTRIES: i32 = offset_of!(DictKeysObject, dk_nentries) as i32;
const DK_VERSION: i32 = offset_of!(DictKeysObject, dk_version) as i32;
const MD_DICT: i32 = offset_of!(ModuleObject, md_dict) as i32;
const TP_VERSION: i32 = offset_of!(ffi::PyTypeObject, tp_version_tag) as i32;
const HT_CACHED_KEYS: i32 = offset_of!(ffi::PyHeapTypeObject, ht_cached_keys) as i32;
/// `_PyObject_ManagedDictPointer` and `_PyObject_ValuesPointer`.
const MANAGED_DICT: i32 = -3 * 8;
const VALUES: i32 = -4 * 8;

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// A new cache for this instruction, owned by the compiled code.
    fn new_cache(&mut self) -> u64 {
        let mut cache = Box::new(Cache::new());
        cache.unit = self.cur_unit;
        let addr = &*cache as *const Cache as u64;
        self.caches.push(cache);
        addr
    }

    /// `Tmp0` = the value of the cached entry of the dict in `Tmp0`, whose
    /// key must be `name`; else branches to `miss`. `Tmp2` holds the
    /// cache; clobbers `Tmp1` and `Tmp3`.
    fn dict_entry(&mut self, name: u64, miss: Label) {
        let m = &mut self.m;
        m.load(Reg::Tmp1, Mem::new(Reg::Tmp0, MA_KEYS));
        m.load_u16(Reg::Tmp3, Mem::new(Reg::Tmp1, caches::SHAPE_OFFSET as i32));
        m.cmp(Reg::Tmp3, Operand::Mem(Mem::new(Reg::Tmp2, C_SHAPE)));
        m.branch(Cond::Ne, miss);
        m.alu(Alu::Add, Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp2, C_OFFSET)));
        m.mov_imm(Reg::Tmp3, name);
        m.cmp(Reg::Tmp3, Operand::Mem(Mem::new(Reg::Tmp1, 0)));
        m.branch(Cond::Ne, miss);
        m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, 8));
        m.test(Reg::Tmp0);
        m.branch(Cond::Eq, miss);
    }

    /// Branches to `miss` unless `Tmp0` is exactly a dict.
    fn exact_dict(&mut self, miss: Label) {
        self.m.mov_imm(Reg::Tmp1, std::ptr::addr_of_mut!(ffi::PyDict_Type) as u64);
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp0, OB_TYPE)));
        self.m.branch(Cond::Ne, miss);
    }

    /// Calls the miss helper with the interpreter's view of the
    /// instruction and the cache, then checks for an error.
    fn cached_miss(&mut self, instr: &Instr, helper: CachedHelper, cache: u64, d: u32, err_depth: u32) {
        self.runs_code = true;
        self.set_ip(instr.unit);
        self.m.call(
            helper as *const () as usize,
            &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), self.sp(d), Arg::Imm(instr.oparg as u64), Arg::Imm(cache)],
        );
        self.check_status(err_depth);
    }

    /// LOAD_GLOBAL: the value cached for the namespaces' current version
    /// tags; else (out of line) the dict entry the cache points at, whose
    /// value and the tags then become the cached ones; else the helper.
    pub(super) fn load_global(&mut self, instr: &Instr, d: u32) {
        let cache = self.new_cache();
        let globals_only = self.name_is_global(instr.oparg >> 1);
        // SAFETY: the cache was just made, and is not read yet.
        unsafe { (*(cache as *mut Cache)).globals_only = globals_only };
        let push_null = instr.oparg & 1;
        let (fallback, got) = (self.m.new_label(), self.m.new_label());
        let versions = |field: i32| Mem::new(Reg::Tmp2, VERSIONS_AT + field);
        let namespaces = [(F_GLOBALS, V_GLOBALS), (F_BUILTINS, V_BUILTINS)];
        let m = &mut self.m;
        m.mov_imm(Reg::Tmp2, cache);
        for &(namespace, field) in &namespaces[..if globals_only { 1 } else { 2 }] {
            m.load(Reg::Tmp0, Mem::new(Reg::Frame, namespace));
            m.load(Reg::Tmp1, Mem::new(Reg::Tmp0, MA_VERSION));
            m.cmp(Reg::Tmp1, Operand::Mem(versions(field)));
            if field == V_GLOBALS && !globals_only {
                // A builtin also stands while the globals' keys keep the
                // version they had without the name (values stored to
                // other globals leave it; an inserted key resets it).
                let unchanged = m.new_label();
                m.branch(Cond::Eq, unchanged);
                m.load(Reg::Tmp1, Mem::new(Reg::Tmp0, MA_KEYS));
                m.load_u32(Reg::Tmp1, Mem::new(Reg::Tmp1, DK_VERSION));
                m.cmp(Reg::Tmp1, Operand::Mem(versions(V_GLOBALS_KEYS)));
                m.branch(Cond::Ne, fallback);
                m.bind(unchanged);
            } else {
                m.branch(Cond::Ne, fallback);
            }
        }
        m.load(Reg::Tmp0, versions(V_VALUE));
        m.bind(got);
        m.incref(Reg::Tmp0);
        if push_null != 0 {
            self.m.store_imm(self.stack(d), 0);
        }
        self.m.store(self.stack(d + push_null), Reg::Tmp0);
        let end = self.m.new_label();
        self.m.bind(end);
        let instr = *instr;
        self.slow_path(move |g| g.load_global_entry(&instr, d, cache, globals_only, (fallback, got, end)));
    }

    /// Whether name `i` of the code is a key of the globals it was running
    /// with when compiled.
    fn name_is_global(&self, i: u32) -> bool {
        let globals = self.ctx.globals;
        // SAFETY: GIL held while compiling; the globals dict is live (its
        // frame is running), its keys all str, and the name a str of the
        // code object: the lookup runs no Python code.
        unsafe {
            // (Elsewhere a key's `__eq__` would see the compiler's lookup.)
            if globals.is_null() || !caches::plain_dict(globals) {
                return false;
            }
            let name = crate::runtime::name_of(self.ctx.code, i);
            match ffi::PyDict_Contains(globals, name) {
                1 => true,
                0 => false,
                _ => {
                    ffi::PyErr_Clear();
                    false
                }
            }
        }
    }

    /// LOAD_GLOBAL's out-of-line paths, from `fallback`: the dict entry,
    /// back to `got` with the value in `Tmp0`, or the helper, back to
    /// `end`.
    fn load_global_entry(
        &mut self,
        instr: &Instr,
        d: u32,
        cache: u64,
        globals_only: bool,
        (fallback, got, end): (Label, Label, Label),
    ) {
        // SAFETY: the code object (and its names) outlives its native code.
        let name = unsafe { crate::runtime::name_of(self.ctx.code, instr.oparg >> 1) } as u64;
        let (miss, in_dict) = (self.m.new_label(), self.m.new_label());
        let m = &mut self.m;
        m.bind(fallback);
        m.mov_imm(Reg::Tmp2, cache + ENTRIES_AT as u64);
        m.load(Reg::Tmp0, Mem::new(Reg::Frame, F_GLOBALS));
        // A builtin: globals unchanged since the name was not there.
        m.load(Reg::Tmp1, Mem::new(Reg::Tmp2, C_GUARD));
        m.test(Reg::Tmp1);
        m.branch(Cond::Eq, in_dict);
        m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp0, MA_VERSION)));
        m.branch(Cond::Ne, miss);
        m.load(Reg::Tmp0, Mem::new(Reg::Frame, F_BUILTINS));
        m.bind(in_dict);
        self.exact_dict(miss);
        self.dict_entry(name, miss);
        // The value stands for the tags as they are now (for a site that
        // checks the globals only, if the name is a global).
        let m = &mut self.m;
        if globals_only {
            m.mov_imm(Reg::Tmp2, cache + ENTRIES_AT as u64);
            m.cmp_mem_imm(Mem::new(Reg::Tmp2, C_GUARD), 0);
            m.branch(Cond::Ne, got);
        }
        m.mov_imm(Reg::Tmp2, crate::stats::INVALIDATIONS.address(crate::stats::Invalidation::GlobalsChanged));
        m.incref(Reg::Tmp2); // `inc qword [counter]`
        m.mov_imm(Reg::Tmp2, cache);
        m.store(Mem::new(Reg::Tmp2, VERSIONS_AT + V_VALUE), Reg::Tmp0);
        for (namespace, field) in [(F_GLOBALS, V_GLOBALS), (F_BUILTINS, V_BUILTINS)] {
            m.load(Reg::Tmp1, Mem::new(Reg::Frame, namespace));
            m.load(Reg::Tmp1, Mem::new(Reg::Tmp1, MA_VERSION));
            m.store(Mem::new(Reg::Tmp2, VERSIONS_AT + field), Reg::Tmp1);
        }
        m.jump(got);
        m.bind(miss);
        self.cached_miss(instr, caches::load_global_cached, cache, d, d);
        // A key's `__eq__` may have switched tracing on.
        self.tracing_check(instr.op, instr.next, d + 1 + (instr.oparg & 1));
        self.m.jump(end);
    }

    /// Loads the owner on top of the stack into `Saved0` and its type
    /// into `Tmp1`, and points `Tmp2` at the cache entry keyed by the
    /// owner (see `caches::Entry::guard`), with its kind in `Tmp3`; or
    /// branches to `miss`. With `classes`, class owners have keys too.
    fn find_entry(&mut self, cache: u64, owner: Val, classes: bool, miss: Label) {
        let (instance, keyed, found) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.load_val(owner, Reg::Saved0);
        let m = &mut self.m;
        m.load(Reg::Tmp1, Mem::new(Reg::Saved0, OB_TYPE));
        if classes {
            m.mov_imm(Reg::Tmp2, std::ptr::addr_of_mut!(ffi::PyType_Type) as u64);
            m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp2));
            m.branch(Cond::Ne, instance);
            m.load_u32(Reg::Tmp3, Mem::new(Reg::Saved0, TP_VERSION));
            m.mov_imm(Reg::Tmp2, CLASS_KEY);
            m.alu(Alu::Or, Reg::Tmp3, Operand::Reg(Reg::Tmp2));
            m.jump(keyed);
        }
        m.bind(instance);
        m.load_u32(Reg::Tmp3, Mem::new(Reg::Tmp1, TP_VERSION));
        m.bind(keyed);
        m.mov_imm(Reg::Tmp2, cache + ENTRIES_AT as u64);
        for i in 0..ENTRIES as i32 {
            let next = m.new_label();
            m.cmp(Reg::Tmp3, Operand::Mem(Mem::new(Reg::Tmp2, i * ENTRY_SIZE + C_GUARD)));
            m.branch(Cond::Ne, next);
            if i > 0 {
                m.lea(Reg::Tmp2, Mem::new(Reg::Tmp2, i * ENTRY_SIZE));
            }
            m.jump(found);
            m.bind(next);
        }
        m.jump(miss);
        m.bind(found);
        m.load(Reg::Tmp3, Mem::new(Reg::Tmp2, C_KIND));
    }

    /// Branches to `next` unless the cache's kind is `k`.
    fn when_kind(&mut self, k: u64, next: Label) {
        self.m.cmp(Reg::Tmp3, Operand::Imm(k as i32));
        self.m.branch(Cond::Ne, next);
    }

    /// Branches to `miss` if the owner in `Saved0` (type in `Tmp1`) may
    /// have an instance attribute shadowing a class-level one: its dict is
    /// materialised, or the type's shared keys grew. Clobbers `Tmp0`.
    fn no_shadowing(&mut self, miss: Label) {
        let m = &mut self.m;
        m.load(Reg::Tmp0, Mem::new(Reg::Saved0, MANAGED_DICT));
        m.test(Reg::Tmp0);
        m.branch(Cond::Ne, miss);
        m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, HT_CACHED_KEYS));
        m.load(Reg::Tmp0, Mem::new(Reg::Tmp0, DK_NENTRIES));
        m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Tmp2, C_SHAPE)));
        m.branch(Cond::Ne, miss);
    }

    /// Branches to `miss` if an attribute of the owner in `Saved0` may
    /// shadow the class-level one (see `caches::kind::CLASS_VALUE`).
    /// Clobbers `Tmp0`.
    fn unshadowed(&mut self, miss: Label) {
        let value = self.m.new_label();
        self.m.mov_imm(Reg::Tmp0, NO_KEYS);
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Tmp2, C_SHAPE)));
        self.m.branch(Cond::Eq, value);
        self.no_shadowing(miss);
        self.m.bind(value);
    }

    /// `Tmp0` = the entry's borrowed value; branches to `miss` if the
    /// entry records a version its type must have and it has another.
    /// Clobbers `Tmp1` and `Tmp3`.
    fn cached_value(&mut self, miss: Label) {
        let ok = self.m.new_label();
        let m = &mut self.m;
        m.load(Reg::Tmp0, Mem::new(Reg::Tmp2, C_VALUE));
        m.load(Reg::Tmp1, Mem::new(Reg::Tmp2, C_OFFSET));
        m.test(Reg::Tmp1);
        m.branch(Cond::Eq, ok);
        m.load(Reg::Tmp3, Mem::new(Reg::Tmp0, OB_TYPE));
        m.load_u32(Reg::Tmp3, Mem::new(Reg::Tmp3, TP_VERSION));
        m.cmp(Reg::Tmp3, Operand::Reg(Reg::Tmp1));
        m.branch(Cond::Ne, miss);
        m.bind(ok);
    }

    /// For the `TYPE_VALUE` and `TYPE_STATIC` kinds: `Tmp0` = the class
    /// owner's attribute (borrowed), then a jump to `found`; other kinds
    /// fall through.
    fn class_owner_value(&mut self, miss: Label, found: Label) {
        let next = self.m.new_label();
        self.when_kind(kind::TYPE_VALUE, next);
        self.cached_value(miss);
        self.m.jump(found);
        self.m.bind(next);
        let next = self.m.new_label();
        self.when_kind(kind::TYPE_STATIC, next);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp2, C_VALUE));
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp0, WRAPPED_CALLABLE));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.m.jump(found);
        self.m.bind(next);
    }

    /// `Tmp0` = the module attribute, for an owner in `Saved0`.
    fn module_attr(&mut self, name: u64, miss: Label) {
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, MD_DICT));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.dict_entry(name, miss);
    }

    /// When the interpreter had specialised `instr` to one of `forms`
    /// before this compilation: loads `owner` into `Saved0` and checks its
    /// type's version (the type left in `Tmp1`) against the one recorded,
    /// branching to the returned label (the generic path, to be bound by
    /// the caller) if it differs; with the form and its inline cache.
    fn quickened_owner(&mut self, instr: &Instr, owner: Val, forms: &[u8]) -> Option<(u8, Vec<u16>, Label)> {
        let (op, cache) = self.quickened(instr);
        let version = cache_u32(&cache, 1);
        if version == 0 || !forms.contains(&op) {
            return None;
        }
        let generic = self.m.new_label();
        self.load_val(owner, Reg::Saved0);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, OB_TYPE));
        self.m.cmp_i32_mem(Mem::new(Reg::Tmp1, TP_VERSION), version as i32);
        self.m.branch(Cond::Ne, generic);
        Some((op, cache, generic))
    }

    /// The path the interpreter's specialised STORE_ATTR took, as it
    /// checks it: `STORE_ATTR_INSTANCE_VALUE` replacing a value (a first
    /// value, which joins the insertion order, takes the generic path) and
    /// `STORE_ATTR_SLOT`; done at `done`. Anything else falls through.
    fn store_attr_quickened(&mut self, instr: &Instr, value: Val, owner: Val, done: Label) {
        use specialised::{STORE_ATTR_INSTANCE_VALUE, STORE_ATTR_SLOT};
        let Some((op, cache, generic)) = self.quickened_owner(instr, owner, &[STORE_ATTR_INSTANCE_VALUE, STORE_ATTR_SLOT])
        else {
            return;
        };
        let slot = if op == STORE_ATTR_INSTANCE_VALUE {
            self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, VALUES));
            self.m.test(Reg::Tmp1);
            self.m.branch(Cond::Eq, generic);
            Mem::new(Reg::Tmp1, 8 * cache[3] as i32)
        } else {
            Mem::new(Reg::Saved0, cache[3] as i32)
        };
        self.m.load(Reg::Saved1, slot);
        if op == STORE_ATTR_INSTANCE_VALUE {
            self.m.test(Reg::Saved1);
            self.m.branch(Cond::Eq, generic);
        }
        self.replace_attribute(instr, value, owner, slot, op == STORE_ATTR_SLOT);
        self.m.jump(done);
        self.m.bind(generic);
    }

    /// The end of an attribute store into `slot`, whose old value is in
    /// `Saved1` (maybe NULL, if `old_may_be_null`): the value's reference
    /// moves in, the old value and the owner (in `Saved0`) are released.
    fn replace_attribute(&mut self, instr: &Instr, value: Val, owner: Val, slot: Mem, old_may_be_null: bool) {
        let no_old = self.m.new_label();
        self.load_owned(value, Reg::Tmp0);
        self.m.store(slot, Reg::Tmp0);
        if old_may_be_null {
            self.m.test(Reg::Saved1);
            self.m.branch(Cond::Eq, no_old);
        }
        self.decref(Reg::Saved1, instr.unit);
        self.m.bind(no_old);
        self.release_val(owner, Reg::Saved0, instr.unit);
    }

    /// The path the interpreter's specialised LOAD_ATTR took, checked as it
    /// checks it: for `LOAD_ATTR_INSTANCE_VALUE` and `LOAD_ATTR_SLOT`, the
    /// attribute (borrowed) in `Tmp0` at `got`, the owner in `Saved0`.
    /// Anything else falls through to the generic cache.
    fn load_attr_quickened(&mut self, instr: &Instr, owner: Val, got: Label) {
        use specialised::{LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_SLOT};
        let Some((op, cache, generic)) = self.quickened_owner(instr, owner, &[LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_SLOT])
        else {
            return;
        };
        if op == LOAD_ATTR_INSTANCE_VALUE {
            self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, VALUES));
            self.m.test(Reg::Tmp1);
            self.m.branch(Cond::Eq, generic);
            self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, 8 * cache[3] as i32));
        } else {
            self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, cache[3] as i32));
        }
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Ne, got);
        self.m.bind(generic);
    }

    /// The same for LOAD_METHOD: for `LOAD_METHOD_WITH_VALUES` (no
    /// instance dict, the shared keys without the name) and
    /// `LOAD_METHOD_NO_DICT`, the method (borrowed: the class holds it
    /// while its version stands) in `Tmp0` at `method`.
    fn load_method_quickened(&mut self, instr: &Instr, owner: Val, method: Label) {
        use specialised::{LOAD_METHOD_NO_DICT, LOAD_METHOD_WITH_VALUES};
        let Some((op, cache, generic)) =
            self.quickened_owner(instr, owner, &[LOAD_METHOD_WITH_VALUES, LOAD_METHOD_NO_DICT])
        else {
            return;
        };
        if op == LOAD_METHOD_WITH_VALUES {
            self.m.cmp_mem_imm(Mem::new(Reg::Saved0, MANAGED_DICT), 0);
            self.m.branch(Cond::Ne, generic);
            self.m.load(Reg::Tmp1, Mem::new(Reg::Tmp1, HT_CACHED_KEYS));
            self.m.cmp_i32_mem(Mem::new(Reg::Tmp1, DK_VERSION), cache_u32(&cache, 4) as i32);
            self.m.branch(Cond::Ne, generic);
        }
        self.m.mov_imm(Reg::Tmp0, cache_u64(&cache, 6));
        self.m.jump(method);
        self.m.bind(generic);
    }

    /// LOAD_ATTR.
    pub(super) fn load_attr(&mut self, instr: &Instr, d: u32) {
        let cache = self.new_cache();
        // SAFETY: as in `load_global`.
        let name = unsafe { crate::runtime::name_of(self.ctx.code, instr.oparg) } as u64;
        let miss = self.m.new_label();
        let got = self.m.new_label();
        let done = self.m.new_label();
        let (in_dict, lookup) = (self.m.new_label(), self.m.new_label());
        let [owner] = self.operands::<1>(d);
        self.load_attr_quickened(instr, owner, got);
        self.find_entry(cache, owner, true, miss);
        // Instance values: the value set; or, if this instance's dict is
        // materialised, a lookup in it.
        let next = self.m.new_label();
        self.when_kind(kind::VALUES, next);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, MANAGED_DICT));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Ne, in_dict);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, VALUES));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.load_at_cached_offset(miss, got);
        self.m.bind(next);
        // A slot.
        let next = self.m.new_label();
        self.when_kind(kind::SLOT, next);
        self.m.mov(Reg::Tmp0, Reg::Saved0);
        self.load_at_cached_offset(miss, got);
        self.m.bind(next);
        // A module attribute.
        let next = self.m.new_label();
        self.when_kind(kind::MODULE, next);
        self.module_attr(name, miss);
        self.m.jump(got);
        self.m.bind(next);
        // The instance's materialised dict: the cached entry if this dict
        // has the same layout, else a lookup.
        let next = self.m.new_label();
        self.when_kind(kind::DICT, next);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, MANAGED_DICT));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.dict_entry(name, lookup);
        self.m.jump(got);
        self.m.bind(in_dict);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.m.bind(lookup);
        self.m.call(caches::dict_lookup as *const () as usize, &[Arg::Reg(Reg::Saved1), Arg::Imm(name)]);
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.m.jump(got);
        self.m.bind(next);
        // An attribute of a class owner.
        self.class_owner_value(miss, got);
        // A descriptor's result, e.g. a bound method (a new reference).
        let next = self.m.new_label();
        self.when_kind(kind::BOUND, next);
        self.unshadowed(miss);
        self.m.mov(Reg::Saved1, Reg::Tmp2);
        self.set_ip(instr.unit);
        // The descriptor may be Python code: it sees the owner with the
        // reference the interpreter's stack would hold.
        let (err, owned) = (self.m.new_label(), self.m.new_label());
        if !owner.owned() {
            self.m.incref(Reg::Saved0);
        }
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved1, C_VALUE));
        self.m.call_indirect(
            Mem::new(Reg::Saved1, C_OFFSET),
            &[Arg::Reg(Reg::Tmp0), Arg::Reg(Reg::Saved0), Arg::Reg(Reg::Tmp1)],
        );
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, err);
        if !owner.owned() {
            // Still referenced by the local it came from.
            self.m.decref_no_dealloc(Reg::Saved0);
        }
        self.m.jump(owned);
        // On error the stack holds the owner with that reference.
        self.m.bind(err);
        if !owner.owned() {
            self.m.store(self.stack(d - 1), Reg::Saved0);
        }
        let exit = self.error(d);
        self.m.jump(exit);
        self.m.bind(next);
        // A class attribute no instance attribute shadows.
        self.when_kind(kind::CLASS_VALUE, miss);
        self.unshadowed(miss);
        self.cached_value(miss);
        // The attribute replaces its owner on the stack.
        self.m.bind(got);
        self.m.incref(Reg::Tmp0);
        self.m.bind(owned);
        self.m.store(self.stack(d - 1), Reg::Tmp0);
        self.release_val(owner, Reg::Saved0, instr.unit);
        self.m.jump(done);
        self.m.bind(miss);
        self.spill(&[owner]);
        self.cached_miss(instr, caches::load_attr_cached, cache, d, d);
        self.m.bind(done);
    }

    /// `Tmp0` = `[Tmp0 + cache.offset]`, branching to `miss` if NULL and
    /// to `got` otherwise.
    fn load_at_cached_offset(&mut self, miss: Label, got: Label) {
        self.m.alu(Alu::Add, Reg::Tmp0, Operand::Mem(Mem::new(Reg::Tmp2, C_OFFSET)));
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp0, 0));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.m.jump(got);
    }

    /// LOAD_METHOD: `[meth, self]` or `[NULL, attr]`.
    pub(super) fn load_method(&mut self, instr: &Instr, d: u32) {
        let cache = self.new_cache();
        // SAFETY: as in `load_global`.
        let name = unsafe { crate::runtime::name_of(self.ctx.code, instr.oparg) } as u64;
        let (miss, method, done) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        let method_in_tmp0 = self.m.new_label();
        let attr = self.m.new_label();
        let [owner] = self.operands::<1>(d);
        self.load_method_quickened(instr, owner, method_in_tmp0);
        self.find_entry(cache, owner, true, miss);
        let next = self.m.new_label();
        self.when_kind(kind::METHOD_VALUES, next);
        self.no_shadowing(miss);
        self.m.jump(method);
        self.m.bind(next);
        let next = self.m.new_label();
        self.when_kind(kind::METHOD_NO_DICT, next);
        self.m.jump(method);
        self.m.bind(next);
        // A materialised instance dict without the name.
        let next = self.m.new_label();
        self.when_kind(kind::METHOD_DICT, next);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, MANAGED_DICT));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.m.mov(Reg::Saved1, Reg::Tmp2);
        self.m.call(caches::dict_lacks as *const () as usize, &[Arg::Reg(Reg::Tmp0), Arg::Imm(name)]);
        self.m.cmp_i32(Reg::Tmp0, 0);
        self.m.branch(Cond::Eq, miss);
        self.m.mov(Reg::Tmp2, Reg::Saved1);
        self.m.jump(method);
        self.m.bind(next);
        // A class method of a class owner: [function, class].
        let next = self.m.new_label();
        self.when_kind(kind::TYPE_CLASSMETHOD, next);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp2, C_VALUE));
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp0, WRAPPED_CALLABLE));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.m.mov_imm(Reg::Tmp3, std::ptr::addr_of_mut!(ffi::PyFunction_Type) as u64);
        self.m.cmp(Reg::Tmp3, Operand::Mem(Mem::new(Reg::Tmp0, OB_TYPE)));
        self.m.branch(Cond::Ne, miss);
        self.m.jump(method_in_tmp0);
        self.m.bind(next);
        // Other attributes: [NULL, attr].
        self.class_owner_value(miss, attr);
        self.when_kind(kind::MODULE, miss);
        self.module_attr(name, miss);
        self.m.bind(attr);
        self.m.incref(Reg::Tmp0);
        self.m.store_imm(self.stack(d - 1), 0);
        self.m.store(self.stack(d), Reg::Tmp0);
        self.release_val(owner, Reg::Saved0, instr.unit);
        self.m.jump(done);
        // A method: [meth, self]; the owner's reference moves up.
        self.m.bind(method);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp2, C_VALUE));
        self.m.bind(method_in_tmp0);
        self.m.incref(Reg::Tmp0);
        self.m.store(self.stack(d - 1), Reg::Tmp0);
        if !owner.owned() {
            self.m.incref(Reg::Saved0);
        }
        self.m.store(self.stack(d), Reg::Saved0);
        self.m.jump(done);
        self.m.bind(miss);
        self.spill(&[owner]);
        self.cached_miss(instr, caches::load_method_cached, cache, d, d);
        self.m.bind(done);
    }

    /// STORE_ATTR: `owner.name = v` for an owner on top, `v` below it.
    pub(super) fn store_attr(&mut self, instr: &Instr, d: u32) {
        let cache = self.new_cache();
        let (miss, dict, slot, done) = (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        // SAFETY: as in `load_global`.
        let name = unsafe { crate::runtime::name_of(self.ctx.code, instr.oparg) } as u64;
        let [value, owner] = self.operands::<2>(d);
        self.store_attr_quickened(instr, value, owner, done);
        self.find_entry(cache, owner, false, miss);
        self.when_kind(kind::VALUES, dict);
        // The inline values: the value's reference moves in; the old one
        // is released, or a first value is added to the insertion order
        // (STORE_ATTR_INSTANCE_VALUE).
        let (replaced, owner_release, in_dict) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, MANAGED_DICT));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Ne, in_dict);
        self.m.load(Reg::Saved1, Mem::new(Reg::Saved0, VALUES));
        self.m.test(Reg::Saved1);
        self.m.branch(Cond::Eq, miss);
        self.m.mov(Reg::Tmp1, Reg::Saved1);
        self.m.alu(Alu::Add, Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp2, C_OFFSET)));
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, 0));
        self.load_owned(value, Reg::Tmp3);
        self.m.store(Mem::new(Reg::Tmp1, 0), Reg::Tmp3);
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Ne, replaced);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Tmp2, C_OFFSET));
        self.m.call(caches::values_added as *const () as usize, &[Arg::Reg(Reg::Saved1), Arg::Reg(Reg::Tmp1)]);
        self.m.jump(owner_release);
        self.m.bind(replaced);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.decref(Reg::Saved1, instr.unit);
        self.m.bind(owner_release);
        self.release_val(owner, Reg::Saved0, instr.unit);
        self.m.jump(done);
        // The materialised dict: as the generic store, PyDict_SetItem.
        self.m.bind(dict);
        self.when_kind(kind::DICT, slot);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, MANAGED_DICT));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, miss);
        self.m.bind(in_dict);
        self.set_ip(instr.unit);
        let value_arg = self.val_arg(value);
        self.m.call(ffi::PyDict_SetItem as *const () as usize, &[Arg::Reg(Reg::Tmp0), Arg::Imm(name), value_arg]);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        if value.owned() {
            self.m.load(Reg::Tmp1, self.stack(d - 2));
            self.decref(Reg::Tmp1, instr.unit);
        }
        self.release_val(owner, Reg::Saved0, instr.unit);
        self.m.cmp_i32(Reg::Saved1, 0);
        let err = self.error(d - 2);
        self.m.branch(Cond::Lt, err);
        self.m.jump(done);
        self.m.bind(slot);
        self.when_kind(kind::SLOT, miss);
        self.m.mov(Reg::Tmp1, Reg::Saved0);
        self.m.alu(Alu::Add, Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp2, C_OFFSET)));
        self.m.load(Reg::Saved1, Mem::new(Reg::Tmp1, 0));
        self.replace_attribute(instr, value, owner, Mem::new(Reg::Tmp1, 0), true);
        self.m.jump(done);
        self.m.bind(miss);
        self.spill(&[value, owner]);
        self.cached_miss(instr, caches::store_attr_cached, cache, d, d - 2);
        self.m.bind(done);
    }
}

/// The little-endian 32-bit value at `units[at..at + 2]` of an inline cache.
fn cache_u32(units: &[u16], at: usize) -> u32 {
    units.get(at..at + 2).map_or(0, |u| u[0] as u32 | (u[1] as u32) << 16)
}

/// The little-endian 64-bit value at `units[at..at + 4]` of an inline cache.
fn cache_u64(units: &[u16], at: usize) -> u64 {
    units.get(at..at + 4).map_or(0, |u| u.iter().rev().fold(0, |acc, &w| acc << 16 | w as u64))
}
