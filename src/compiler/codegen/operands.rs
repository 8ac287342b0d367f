//! Deferred pushes. LOAD_FAST (once the local is known bound) and
//! LOAD_CONST push nothing at first: the value stays where it is (a
//! borrowed reference) and is written to its stack slot, with its count
//! incremented, only when an instruction that does not know about deferred
//! entries runs, when control flow joins, or on a slow path that hands the
//! stack to a helper. Instructions that do know (stores, pops, returns,
//! int and float arithmetic and comparisons, subscripts, attribute loads
//! and stores) read the value from where it lives, skip the count
//! increment and decrement the interpreter pays, and see constants' types
//! and values at compile time.
//!
//! A register may also hold what a local or stack slot holds, as the
//! instruction that just wrote it left it (`RegCopy`): the next reader
//! takes the register, and an int's value travels unboxed with it, so
//! `y = x + 1; z = y + 1` reloads neither `y` nor its digits.
//!
//! Invariants: deferred entries are always the top of the stack; no code
//! that may run Python code (a deallocation, a call) runs while an entry
//! other than the current instruction's own operands is deferred; and a
//! deferred local is never stored to or deleted while deferred (stores
//! materialise the entries below them first).

use super::Gen;
use crate::cpython::layout::LongObject;
use crate::cpython::opcode::Op;
use diojit_asm::{Arg, Label, Masm, Reg};
use pyo3::ffi;
use std::mem::offset_of;

/// Where a deferred entry's value lives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Deferred {
    /// A local known to be bound.
    Local(u32),
    /// A constant of the code object (its address).
    Const(u64),
}

/// Where a value lives in the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Local(u32),
    Stack(u32),
}

/// A register known to hold what a local or a stack slot holds, as of
/// code offset `at`: true while nothing has been emitted since and no
/// other path joins there (jump targets and out-of-line code forget it).
/// The instruction that records it vouches for every path reaching that
/// point; loads of the place then read the register instead of memory
/// just written.
///
/// `int`: moreover, [`INT_REG`] holds the place's value unboxed if it is
/// an exact compact int, or [`INT_UNKNOWN`] (never a compact value): paths
/// that do not know the value set that instead, so a reader tests a
/// register rather than loading the object's type, size and digit.
#[derive(Clone, Copy, Debug)]
pub(super) struct RegCopy {
    place: Place,
    reg: Reg,
    at: usize,
    int: bool,
}

/// The register of an int value that travels with a [`RegCopy`].
pub(super) const INT_REG: Reg = Reg::Tmp3;
/// What [`INT_REG`] holds when the value is not known (compact ints have
/// at most 30 bits).
pub(super) const INT_UNKNOWN: i32 = i32::MIN;

/// An operand an instruction consumes: its stack depth, and where its
/// value is (`None`: in its stack slot, an owned reference), and for a
/// value in its slot, its exact type if known when the instruction
/// started (out-of-line paths are emitted later, when the tracked types
/// have moved on).
#[derive(Clone, Copy, Debug)]
pub(super) struct Val {
    pub depth: u32,
    pub deferred: Option<Deferred>,
    pub slot_type: Option<u64>,
}

impl Val {
    /// Whether the instruction owns a reference it must release.
    pub fn owned(&self) -> bool {
        self.deferred.is_none()
    }
}

/// The instructions that consume or produce deferred entries; every other
/// one starts by materialising them.
pub(super) fn understands(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        NOP | LOAD_FAST | LOAD_CONST | STORE_FAST | POP_TOP | RETURN_VALUE | BINARY_OP | COMPARE_OP
            | BINARY_SUBSCR | IS_OP | LOAD_ATTR | LOAD_METHOD | STORE_ATTR
    )
}

impl<'a, M: Masm + 'a> Gen<'a, M> {
    pub(super) fn defer(&mut self, entry: Deferred) {
        self.pending.push(entry);
    }

    /// Writes every deferred entry to its stack slot, the stack being
    /// `depth` deep.
    pub(super) fn flush(&mut self, depth: u32) {
        let pending = std::mem::take(&mut self.pending);
        let base = depth - pending.len() as u32;
        for (k, entry) in pending.into_iter().enumerate() {
            self.materialise(entry, base + k as u32);
        }
    }

    /// Takes the top `n` entries of a `depth`-deep stack as operands,
    /// materialising any deferred entry below them.
    pub(super) fn operands<const N: usize>(&mut self, depth: u32) -> [Val; N] {
        let n = N as u32;
        let deferred = self.pending.len().min(N);
        let keep = self.pending.split_off(self.pending.len() - deferred);
        self.flush(depth - deferred as u32);
        std::array::from_fn(|k| {
            let depth = depth - n + k as u32;
            let from_top = N - k; // 1 for the top
            let deferred = (from_top <= keep.len()).then(|| keep[keep.len() - from_top]);
            let slot_type = self.stack_types.get(depth as usize).copied().flatten().filter(|_| deferred.is_none());
            Val { depth, deferred, slot_type }
        })
    }

    /// Writes `entry` to stack slot `depth` as an owned reference.
    fn materialise(&mut self, entry: Deferred, depth: u32) {
        self.load_deferred(entry, Reg::Tmp0);
        self.m.incref(Reg::Tmp0);
        self.m.store(self.stack(depth), Reg::Tmp0);
        let ty = self.known_type(Val { depth, deferred: Some(entry), slot_type: None });
        if let Some(t) = self.stack_types.get_mut(depth as usize) {
            *t = ty;
        }
    }

    fn load_deferred(&mut self, entry: Deferred, dst: Reg) {
        match entry {
            Deferred::Local(i) => self.load_place(Place::Local(i), dst),
            Deferred::Const(addr) => self.m.mov_imm(dst, addr),
        }
    }

    /// Loads an operand's value (borrowed if deferred, owned otherwise).
    pub(super) fn load_val(&mut self, v: Val, dst: Reg) {
        match v.deferred {
            Some(entry) => self.load_deferred(entry, dst),
            None => self.load_place(Place::Stack(v.depth), dst),
        }
    }

    /// Records that `reg` now holds what `place` holds (and, with `int`,
    /// that [`INT_REG`] holds its int value or [`INT_UNKNOWN`]).
    pub(super) fn note_copy(&mut self, place: Place, reg: Reg, int: bool) {
        self.copy = Some(RegCopy { place, reg, at: self.m.offset(), int });
    }

    /// The register holding `place`, if one still does.
    pub(super) fn copy_of(&self, place: Place) -> Option<Reg> {
        self.live_copy(place).map(|c| c.reg)
    }

    /// Whether [`INT_REG`] still holds operand `v`'s int value (or
    /// [`INT_UNKNOWN`]).
    pub(super) fn int_in_reg(&self, v: Val) -> bool {
        self.place_of(v).and_then(|p| self.live_copy(p)).is_some_and(|c| c.int)
    }

    fn live_copy(&self, place: Place) -> Option<RegCopy> {
        self.copy.filter(|c| c.place == place && c.at == self.m.offset())
    }

    /// The place an operand's value is read from, unless a constant.
    pub(super) fn place_of(&self, v: Val) -> Option<Place> {
        match v.deferred {
            Some(Deferred::Local(i)) => Some(Place::Local(i)),
            Some(Deferred::Const(_)) => None,
            None => Some(Place::Stack(v.depth)),
        }
    }

    fn load_place(&mut self, place: Place, dst: Reg) {
        match self.copy_of(place) {
            Some(reg) if reg == dst => {}
            Some(reg) => self.m.mov(dst, reg),
            None => {
                let mem = match place {
                    Place::Local(i) => self.slot_mem(i),
                    Place::Stack(depth) => self.stack(depth),
                };
                self.m.load(dst, mem);
            }
        }
    }

    /// An operand as a borrowed C-call argument.
    pub(super) fn val_arg(&self, v: Val) -> Arg {
        match v.deferred {
            Some(Deferred::Local(i)) => Arg::Load(self.slot_mem(i)),
            Some(Deferred::Const(addr)) => Arg::Imm(addr),
            None => Arg::Load(self.stack(v.depth)),
        }
    }

    /// Loads an operand as an owned reference (a deferred one gains one).
    pub(super) fn load_owned(&mut self, v: Val, dst: Reg) {
        self.load_val(v, dst);
        if !v.owned() {
            self.m.incref(dst);
        }
    }

    /// Materialises deferred operands in their stack slots, for a slow
    /// path that hands the stack to a helper. Clobbers `Tmp0`.
    pub(super) fn spill(&mut self, vals: &[Val]) {
        for v in vals {
            if let Some(entry) = v.deferred {
                self.materialise(entry, v.depth);
            }
        }
    }

    /// Releases an operand held in `reg` if the instruction owns it.
    pub(super) fn release_val(&mut self, v: Val, reg: Reg, unit: u32) {
        if v.owned() {
            self.decref(reg, unit);
        }
    }

    /// The error exit at `depth` for a failure while `vals` are still
    /// the instruction's operands: deferred ones are materialised first,
    /// out of line, so that the unwinder finds owned references.
    pub(super) fn error_with(&mut self, depth: u32, vals: &[Val]) -> Label {
        let target = self.error(depth);
        let deferred: Vec<Val> = vals.iter().copied().filter(|v| !v.owned()).collect();
        if deferred.is_empty() {
            return target;
        }
        let label = self.m.new_label();
        self.cold.push(super::Cold::Spill { label, vals: deferred, target });
        label
    }

    /// The value of an operand that is a constant compact int (at most one
    /// 30-bit digit), known at compile time.
    pub(super) fn const_int(&self, v: Val) -> Option<i64> {
        let Some(Deferred::Const(addr)) = v.deferred else { return None };
        let obj = addr as *mut ffi::PyObject;
        // SAFETY: constants live as long as their code object, which
        // outlives compilation; ints are immutable.
        unsafe {
            if ffi::Py_TYPE(obj) != std::ptr::addr_of_mut!(ffi::PyLong_Type) {
                return None;
            }
            let long = obj as *const LongObject;
            let size = *(obj as *const u8).add(offset_of!(LongObject, ob_size)).cast::<isize>();
            if !(-1..=1).contains(&size) {
                return None;
            }
            let digit = *(long as *const u8).add(offset_of!(LongObject, ob_digit)).cast::<u32>();
            Some(size as i64 * digit as i64)
        }
    }

    /// The exact type of an operand, if known at compile time: a
    /// constant's, a parameter's the code is specialised on, or a value's
    /// the stack slot is known to hold.
    pub(super) fn known_type(&self, v: Val) -> Option<u64> {
        match v.deferred {
            // SAFETY: as in `const_int`.
            Some(Deferred::Const(addr)) => Some(unsafe { ffi::Py_TYPE(addr as *mut ffi::PyObject) } as u64),
            Some(Deferred::Local(i)) => self.ctx.arg_types.get(i as usize).copied().flatten(),
            None => v.slot_type,
        }
    }
}
