//! Inline fast paths for indexing lists and tuples with an int, storing
//! into a list, and iterating over ranges and lists — the cases the
//! interpreter's own specialised instructions cover. Anything else (a
//! negative or out-of-range index, subclasses, other types) takes the
//! generic helper, which raises exactly as the interpreter does.

use super::Gen;
use crate::compiler::bytecode::Instr;
use crate::cpython::layout::{ListIterObject, ListObject, RangeIterObject, TupleObject};
use crate::cpython::opcode::Op;
use crate::runtime::{containers, iteration, operators};
use diojit_asm::{Alu, Cond, Label, Masm, Mem, Operand, Reg};
use std::mem::offset_of;

use super::{LONG_DIGIT, LONG_SIZE, OB_TYPE};
const LIST_SIZE: i32 = offset_of!(ListObject, ob_size) as i32;
const LIST_ITEMS: i32 = offset_of!(ListObject, ob_item) as i32;
const TUPLE_SIZE: i32 = offset_of!(TupleObject, ob_size) as i32;
const TUPLE_ITEMS: i32 = offset_of!(TupleObject, ob_item) as i32;
const RANGE_INDEX: i32 = offset_of!(RangeIterObject, index) as i32;
const RANGE_START: i32 = offset_of!(RangeIterObject, start) as i32;
const RANGE_STEP: i32 = offset_of!(RangeIterObject, step) as i32;
const RANGE_LEN: i32 = offset_of!(RangeIterObject, len) as i32;
const LISTITER_INDEX: i32 = offset_of!(ListIterObject, it_index) as i32;
const LISTITER_SEQ: i32 = offset_of!(ListIterObject, it_seq) as i32;

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// `Tmp0` = the int `sub` as an index if it is a compact non-negative
    /// int, else branches to `fail`. Clobbers `Tmp1` and `Tmp2`.
    fn index_value(&mut self, sub: Reg, fail: Label) {
        self.guard_type(sub, self.ctx.types.int, fail);
        self.m.load(Reg::Tmp1, Mem::new(sub, LONG_SIZE));
        self.m.cmp(Reg::Tmp1, Operand::Imm(1));
        self.m.branch(Cond::Above, fail); // negative or more than one digit
        self.m.load_u32(Reg::Tmp0, Mem::new(sub, LONG_DIGIT));
        self.m.alu(Alu::Mul, Reg::Tmp0, Operand::Reg(Reg::Tmp1)); // 0 for zero
    }

    /// BINARY_SUBSCR: `list[i]` and `tuple[i]` inline.
    pub(super) fn binary_subscr(&mut self, instr: &Instr, d: u32) {
        let (slow, tuple, got, done) = (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        let [container, index] = self.operands::<2>(d);
        self.load_val(container, Reg::Saved0);
        self.load_val(index, Reg::Saved1);
        match self.const_int(index) {
            Some(i) if i >= 0 => self.m.mov_imm(Reg::Tmp0, i as u64),
            Some(_) => self.m.jump(slow),
            None => self.index_value(Reg::Saved1, slow),
        }
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, OB_TYPE));
        self.m.mov_imm(Reg::Tmp2, self.ctx.types.list);
        self.m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp2));
        self.m.branch(Cond::Ne, tuple);
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Saved0, LIST_SIZE)));
        self.m.branch(Cond::AboveEq, slow);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, LIST_ITEMS));
        self.m.load_indexed(Reg::Tmp0, Reg::Tmp1, Reg::Tmp0, 0);
        self.m.jump(got);
        self.m.bind(tuple);
        self.m.mov_imm(Reg::Tmp2, self.ctx.types.tuple);
        self.m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp2));
        self.m.branch(Cond::Ne, slow);
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Saved0, TUPLE_SIZE)));
        self.m.branch(Cond::AboveEq, slow);
        self.m.load_indexed(Reg::Tmp0, Reg::Saved0, Reg::Tmp0, TUPLE_ITEMS);
        self.m.bind(got);
        self.m.incref(Reg::Tmp0);
        self.m.store(self.stack(d - 2), Reg::Tmp0);
        self.release_val(container, Reg::Saved0, instr.unit);
        self.release_val(index, Reg::Saved1, instr.unit);
        self.m.jump(done);
        self.m.bind(slow);
        self.spill(&[container, index]);
        self.op(instr, operators::binary_subscr, d, d - 1);
        self.m.bind(done);
    }

    /// STORE_SUBSCR: `list[i] = v` inline.
    pub(super) fn store_subscr(&mut self, instr: &Instr, d: u32) {
        let (slow, done) = (self.m.new_label(), self.m.new_label());
        self.m.load(Reg::Saved0, self.stack(d - 2)); // container
        self.m.load(Reg::Saved1, self.stack(d - 1)); // index
        self.index_value(Reg::Saved1, slow);
        self.guard_type(Reg::Saved0, self.ctx.types.list, slow);
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Saved0, LIST_SIZE)));
        self.m.branch(Cond::AboveEq, slow);
        // The value's reference moves into the list; the old item is released.
        self.m.load(Reg::Tmp3, Mem::new(Reg::Saved0, LIST_ITEMS));
        self.m.load_indexed(Reg::Tmp1, Reg::Tmp3, Reg::Tmp0, 0);
        self.m.load(Reg::Tmp2, self.stack(d - 3));
        self.m.store_indexed(Reg::Tmp3, Reg::Tmp0, 0, Reg::Tmp2);
        self.decref(Reg::Tmp1, instr.unit);
        self.decref(Reg::Saved0, instr.unit);
        self.decref(Reg::Saved1, instr.unit);
        self.m.jump(done);
        self.m.bind(slow);
        self.op(instr, operators::store_subscr, d, d - 3);
        self.m.bind(done);
    }

    /// UNPACK_SEQUENCE: exact tuples and lists of the right length inline,
    /// pushed last item first (what unpacking their iterator gives).
    pub(super) fn unpack_sequence(&mut self, instr: &Instr, d: u32) {
        let n = instr.oparg;
        let (slow, list, items, done) = (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        if n > 8 {
            self.op(instr, containers::unpack_sequence, d, d - 1);
            return;
        }
        self.m.load(Reg::Saved0, self.stack(d - 1));
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, OB_TYPE));
        self.m.mov_imm(Reg::Tmp2, self.ctx.types.tuple);
        self.m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp2));
        self.m.branch(Cond::Ne, list);
        self.m.load(Reg::Tmp2, Mem::new(Reg::Saved0, TUPLE_SIZE));
        self.m.cmp(Reg::Tmp2, Operand::Imm(n as i32));
        self.m.branch(Cond::Ne, slow);
        self.m.lea(Reg::Tmp1, Mem::new(Reg::Saved0, TUPLE_ITEMS));
        self.m.jump(items);
        self.m.bind(list);
        self.m.mov_imm(Reg::Tmp2, self.ctx.types.list);
        self.m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp2));
        self.m.branch(Cond::Ne, slow);
        self.m.load(Reg::Tmp2, Mem::new(Reg::Saved0, LIST_SIZE));
        self.m.cmp(Reg::Tmp2, Operand::Imm(n as i32));
        self.m.branch(Cond::Ne, slow);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, LIST_ITEMS));
        // Tmp1 = the items; slot d - 1 + k gets item n - 1 - k.
        self.m.bind(items);
        for k in 0..n {
            self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, 8 * (n - 1 - k) as i32));
            self.m.incref(Reg::Tmp0);
            self.m.store(self.stack(d - 1 + k), Reg::Tmp0);
        }
        self.decref(Reg::Saved0, instr.unit);
        self.m.jump(done);
        self.m.bind(slow);
        self.op(instr, containers::unpack_sequence, d, d - 1);
        self.m.bind(done);
    }

    /// The STORE_FAST that directly consumes what `instr` pushes, if
    /// nothing else can reach it.
    fn stored_to_local(&self, instr: &Instr) -> Option<Instr> {
        let j = self.flow.index_of(instr.next)?;
        let store = self.flow.instrs[j];
        (store.op == Op::STORE_FAST && !self.flow.is_target[j] && self.flow.index_of(store.next).is_some())
            .then_some(store)
    }

    /// `for i in range(...)` with `i`'s current int referenced only by
    /// `i`: the next value (in `Tmp0`), if it is not a cached small int and
    /// fits the one digit, is written into that int, which stays in `i`
    /// (nothing can tell it from a new int, and no allocation and release
    /// happen). Otherwise falls through with `Tmp0` intact.
    fn reuse_int_in_local(&mut self, store: Instr, d: u32) {
        let new = self.m.new_label();
        self.m.cmp(Reg::Tmp0, Operand::Imm(256));
        self.m.branch(Cond::Le, new);
        self.m.cmp(Reg::Tmp0, Operand::Imm(1 << 30));
        self.m.branch(Cond::Ge, new);
        self.m.load(Reg::Tmp1, self.slot_mem(store.oparg));
        self.m.test(Reg::Tmp1);
        self.m.branch(Cond::Eq, new);
        self.m.mov_imm(Reg::Tmp2, self.ctx.types.int);
        self.m.cmp(Reg::Tmp2, Operand::Mem(Mem::new(Reg::Tmp1, OB_TYPE)));
        self.m.branch(Cond::Ne, new);
        self.m.load(Reg::Tmp2, Mem::new(Reg::Tmp1, 0));
        self.m.cmp(Reg::Tmp2, Operand::Imm(1));
        self.m.branch(Cond::Ne, new);
        self.m.load(Reg::Tmp2, Mem::new(Reg::Tmp1, LONG_SIZE));
        self.m.cmp(Reg::Tmp2, Operand::Imm(1));
        self.m.branch(Cond::Ne, new);
        self.m.store_i32(Mem::new(Reg::Tmp1, LONG_DIGIT), Reg::Tmp0);
        self.edge(&store, store.next, d);
        self.m.bind(new);
    }

    /// FOR_ITER: ranges and lists inline; the next item pushed, or the
    /// iterator popped and a jump past the loop.
    pub(super) fn for_iter(&mut self, instr: &Instr, d: u32) {
        let target = instr.target().unwrap_or(instr.next);
        let (list, slow, push, exhausted) =
            (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.m.load(Reg::Saved0, self.stack(d - 1));
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, OB_TYPE));
        // range: start + index * step while index < len.
        self.m.mov_imm(Reg::Tmp2, self.ctx.types.range_iter);
        self.m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp2));
        self.m.branch(Cond::Ne, list);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, RANGE_INDEX));
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Saved0, RANGE_LEN)));
        self.m.branch(Cond::Ge, exhausted);
        self.m.mov(Reg::Tmp1, Reg::Tmp0);
        self.m.alu(Alu::Add, Reg::Tmp1, Operand::Imm(1));
        self.m.store(Mem::new(Reg::Saved0, RANGE_INDEX), Reg::Tmp1);
        self.m.alu(Alu::Mul, Reg::Tmp0, Operand::Mem(Mem::new(Reg::Saved0, RANGE_STEP)));
        self.m.alu(Alu::Add, Reg::Tmp0, Operand::Mem(Mem::new(Reg::Saved0, RANGE_START)));
        if let Some(store) = self.stored_to_local(instr) {
            self.reuse_int_in_local(store, d);
        }
        let err = self.error(d);
        self.box_int(instr.unit, err);
        self.m.jump(push);
        // list: the item at index while the list lasts (its end, and an
        // exhausted iterator, are left to the helper).
        self.m.bind(list);
        self.m.mov_imm(Reg::Tmp2, self.ctx.types.list_iter);
        self.m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp2));
        self.m.branch(Cond::Ne, slow);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, LISTITER_SEQ));
        self.m.test(Reg::Tmp1);
        self.m.branch(Cond::Eq, slow);
        self.m.load(Reg::Tmp2, Mem::new(Reg::Saved0, LISTITER_INDEX));
        self.m.cmp(Reg::Tmp2, Operand::Mem(Mem::new(Reg::Tmp1, LIST_SIZE)));
        self.m.branch(Cond::Ge, slow);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Tmp1, LIST_ITEMS));
        self.m.load_indexed(Reg::Tmp0, Reg::Tmp1, Reg::Tmp2, 0);
        self.m.incref(Reg::Tmp0);
        self.m.alu(Alu::Add, Reg::Tmp2, Operand::Imm(1));
        self.m.store(Mem::new(Reg::Saved0, LISTITER_INDEX), Reg::Tmp2);
        self.m.bind(push);
        self.m.store(self.stack(d), Reg::Tmp0);
        self.edge(instr, instr.next, d + 1);
        // A range runs out without an exception: pop it and leave the loop.
        self.m.bind(exhausted);
        self.decref(Reg::Saved0, instr.unit);
        self.edge(instr, target, d - 1);
        self.m.bind(slow);
        let popped = self.m.new_label();
        self.call_op(instr, iteration::for_iter, d, 0);
        self.check_status(d);
        self.m.cmp_i32(Reg::Tmp0, 0);
        self.m.branch(Cond::Eq, popped);
        self.edge(instr, instr.next, d + 1);
        self.m.bind(popped);
        self.edge(instr, target, d - 1);
    }
}
