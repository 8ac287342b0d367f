//! Inline fast paths for arithmetic and comparisons on ints and floats.
//!
//! An int takes the fast path when it is "compact": at most one 30-bit
//! digit, so its value fits a machine word with room to spare and sums,
//! differences and products cannot overflow 64 bits. Results are boxed as
//! CPython boxes them: the cached small ints (-5..=256) are shared, other
//! values come from `PyLong_FromLong` / `PyFloat_FromDouble`. Anything
//! else (big ints, subclasses, other types, division by zero) takes the
//! generic helper, which does exactly what the interpreter does.

use super::{Gen, Outcome, Val};
use crate::compiler::bytecode::Instr;
use crate::cpython::layout::{FloatObject, LongObject};
use crate::runtime::operators;
use diojit_asm::{Alu, Arg, Cond, FOp, FReg, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi;
use std::mem::offset_of;

const OB_TYPE: i32 = 8;
const LONG_SIZE: i32 = offset_of!(LongObject, ob_size) as i32;
const LONG_DIGIT: i32 = offset_of!(LongObject, ob_digit) as i32;
const FLOAT_VALUE: i32 = offset_of!(FloatObject, ob_fval) as i32;

/// A BINARY_OP the fast paths handle (in-place forms behave the same on
/// ints and floats, which are immutable).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arith {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    TrueDiv,
    And,
    Or,
    Xor,
}

impl Arith {
    /// From BINARY_OP's operand (`NB_*`, in-place forms offset by 13).
    fn from_oparg(oparg: u32) -> Option<Arith> {
        Some(match oparg % 13 {
            0 => Arith::Add,
            1 => Arith::And,
            2 => Arith::FloorDiv,
            5 => Arith::Mul,
            6 => Arith::Mod,
            7 => Arith::Or,
            10 => Arith::Sub,
            11 => Arith::TrueDiv,
            12 => Arith::Xor,
            _ => return None,
        })
        .filter(|_| oparg < 26)
    }

    fn on_floats(self) -> Option<FOp> {
        match self {
            Arith::Add => Some(FOp::Add),
            Arith::Sub => Some(FOp::Sub),
            Arith::Mul => Some(FOp::Mul),
            Arith::TrueDiv => Some(FOp::Div),
            _ => None,
        }
    }
}

impl<M: Masm> Gen<'_, M> {
    /// Branches to `fail` unless `obj`'s type is exactly `ty`.
    pub(super) fn guard_type(&mut self, obj: Reg, ty: u64, fail: Label) {
        self.m.mov_imm(Reg::Tmp2, ty);
        self.m.cmp(Reg::Tmp2, Operand::Mem(Mem::new(obj, OB_TYPE)));
        self.m.branch(Cond::Ne, fail);
    }

    /// `dst` = the value of the int `obj` if it is compact (one digit at
    /// most), else branches to `fail`. Clobbers `Tmp2`.
    pub(super) fn compact_value(&mut self, obj: Reg, dst: Reg, fail: Label) {
        self.m.load(dst, Mem::new(obj, LONG_SIZE));
        self.m.alu(Alu::Add, dst, Operand::Imm(1));
        self.m.cmp(dst, Operand::Imm(2));
        self.m.branch(Cond::Above, fail);
        self.m.alu(Alu::Sub, dst, Operand::Imm(1));
        self.m.load_u32(Reg::Tmp2, Mem::new(obj, LONG_DIGIT));
        self.m.alu(Alu::Mul, dst, Operand::Reg(Reg::Tmp2));
    }

    /// Branches to `fail` unless operand `v` (its value in `obj`) is
    /// exactly of type `ty`; no code for a constant, whose type is known.
    fn guard_val(&mut self, v: Val, obj: Reg, ty: u64, fail: Label) {
        match self.known_type(v) {
            Some(t) if t == ty => {}
            Some(_) => self.m.jump(fail),
            None => self.guard_type(obj, ty, fail),
        }
    }

    /// `dst` = the value of the int operand `v` (in `obj`) if compact,
    /// else branches to `fail`; a constant's value is an immediate.
    fn int_val(&mut self, v: Val, obj: Reg, dst: Reg, fail: Label) {
        match self.const_int(v) {
            Some(c) => self.m.mov_imm(dst, c as u64),
            None => self.compact_value(obj, dst, fail),
        }
    }

    /// Loads operands `a` and `b` into `Saved0` and `Saved1`; if both are
    /// ints, `a`'s value goes to `Tmp0` and the returned operand is `b`'s
    /// value: in `Tmp1`, or (`immediate` allowed) a constant's value as an
    /// immediate (compact ints fit 31 bits). Branches to `not_ints` if
    /// either is not exactly an int, to `big` if either is not compact.
    fn int_operands(&mut self, a: Val, b: Val, immediate: bool, not_ints: Label, big: Label) -> Operand {
        self.load_val(a, Reg::Saved0);
        self.load_val(b, Reg::Saved1);
        self.guard_val(a, Reg::Saved0, self.ctx.types.int, not_ints);
        self.guard_val(b, Reg::Saved1, self.ctx.types.int, not_ints);
        self.int_val(a, Reg::Saved0, Reg::Tmp0, big);
        match self.const_int(b) {
            Some(c) if immediate => Operand::Imm(c as i32),
            _ => {
                self.int_val(b, Reg::Saved1, Reg::Tmp1, big);
                Operand::Reg(Reg::Tmp1)
            }
        }
    }

    /// Boxes the machine integer in `Tmp0` as an int, a new reference in
    /// `Tmp0`; on allocation failure branches to `err`.
    pub(super) fn box_int(&mut self, unit: u32, err: Label) {
        self.runs_code = true; // allocating may run the garbage collector
        let (big, done) = (self.m.new_label(), self.m.new_label());
        if let Some(small) = self.ctx.small_ints {
            // -5..=256 are cached: index = value + 5, 32 bytes apart.
            self.m.mov(Reg::Tmp1, Reg::Tmp0);
            self.m.alu(Alu::Add, Reg::Tmp1, Operand::Imm(5));
            self.m.cmp(Reg::Tmp1, Operand::Imm(261));
            self.m.branch(Cond::Above, big);
            self.m.shl(Reg::Tmp1, 5);
            self.m.mov_imm(Reg::Tmp0, small);
            self.m.alu(Alu::Add, Reg::Tmp0, Operand::Reg(Reg::Tmp1));
            self.m.incref(Reg::Tmp0);
            self.m.jump(done);
        }
        self.m.bind(big);
        self.set_ip(unit);
        self.m.call(ffi::PyLong_FromLong as *const () as usize, &[Arg::Reg(Reg::Tmp0)]);
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, err);
        self.m.bind(done);
    }

    /// Boxes the double in `F0` as a float, a new reference in `Tmp0`.
    fn box_float(&mut self, unit: u32, err: Label) {
        self.runs_code = true; // allocating may run the garbage collector
        self.set_ip(unit);
        // The double is the first floating-point argument, already in F0.
        self.m.call(ffi::PyFloat_FromDouble as *const () as usize, &[]);
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, err);
    }

    /// Loads a float operand (a float, or a compact int converted exactly)
    /// into `dst`, else branches to `fail`.
    fn float_operand(&mut self, v: Val, obj: Reg, dst: FReg, fail: Label) {
        let known = self.known_type(v);
        if known == Some(self.ctx.types.float) {
            return self.m.load_f64(dst, Mem::new(obj, FLOAT_VALUE));
        }
        if let Some(c) = self.const_int(v) {
            self.m.mov_imm(Reg::Tmp1, c as u64);
            return self.m.int_to_f64(dst, Reg::Tmp1);
        }
        if known.is_some() {
            return self.m.jump(fail);
        }
        let (not_float, done) = (self.m.new_label(), self.m.new_label());
        self.guard_type(obj, self.ctx.types.float, not_float);
        self.m.load_f64(dst, Mem::new(obj, FLOAT_VALUE));
        self.m.jump(done);
        self.m.bind(not_float);
        self.guard_type(obj, self.ctx.types.int, fail);
        self.compact_value(obj, Reg::Tmp1, fail);
        self.m.int_to_f64(dst, Reg::Tmp1);
        self.m.bind(done);
    }

    /// BINARY_OP: int and float fast paths, the helper otherwise.
    pub(super) fn binary_op(&mut self, instr: &Instr, d: u32) {
        let Some(op) = Arith::from_oparg(instr.oparg) else {
            self.flush(d);
            return self.op(instr, operators::binary_op, d, d - 1);
        };
        let (floats, slow, store, done) =
            (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        let [a, b] = self.operands::<2>(d);
        let err = self.error_with(d, &[a, b]);
        // int <op> int
        let divides = matches!(op, Arith::FloorDiv | Arith::Mod | Arith::TrueDiv);
        let rhs = self.int_operands(a, b, !divides, floats, slow);
        match op {
            Arith::Add => self.m.alu(Alu::Add, Reg::Tmp0, rhs),
            Arith::Sub => self.m.alu(Alu::Sub, Reg::Tmp0, rhs),
            Arith::Mul => self.m.alu(Alu::Mul, Reg::Tmp0, rhs),
            Arith::And => self.m.alu(Alu::And, Reg::Tmp0, rhs),
            Arith::Or => self.m.alu(Alu::Or, Reg::Tmp0, rhs),
            Arith::Xor => self.m.alu(Alu::Xor, Reg::Tmp0, rhs),
            Arith::FloorDiv | Arith::Mod => {
                // Truncating division, then Python's flooring: when the
                // remainder is non-zero and its sign differs from the
                // divisor's, step the quotient down and the remainder over.
                self.m.test(Reg::Tmp1);
                self.m.branch(Cond::Eq, slow);
                self.m.divmod(Reg::Tmp1);
                let exact = self.m.new_label();
                self.m.test(Reg::Tmp3);
                self.m.branch(Cond::Eq, exact);
                self.m.mov(Reg::Tmp2, Reg::Tmp3);
                self.m.alu(Alu::Xor, Reg::Tmp2, Operand::Reg(Reg::Tmp1));
                self.m.branch(Cond::Ge, exact);
                self.m.alu(Alu::Sub, Reg::Tmp0, Operand::Imm(1));
                self.m.alu(Alu::Add, Reg::Tmp3, Operand::Reg(Reg::Tmp1));
                self.m.bind(exact);
                if op == Arith::Mod {
                    self.m.mov(Reg::Tmp0, Reg::Tmp3);
                }
            }
            Arith::TrueDiv => {
                // Both fit in 31 bits, so the doubles are exact and the
                // quotient correctly rounded, as CPython computes it.
                self.m.test(Reg::Tmp1);
                self.m.branch(Cond::Eq, slow);
                self.m.int_to_f64(FReg::F0, Reg::Tmp0);
                self.m.int_to_f64(FReg::F1, Reg::Tmp1);
                self.m.fop(FOp::Div, FReg::F0, FReg::F1);
                self.box_float(instr.unit, err);
                self.m.jump(store);
            }
        }
        if op != Arith::TrueDiv {
            self.box_int(instr.unit, err);
            self.m.jump(store);
        }
        // float <op> float, float <op> int, int <op> float
        self.m.bind(floats);
        if let Some(fop) = op.on_floats() {
            self.float_operand(a, Reg::Saved0, FReg::F0, slow);
            self.float_operand(b, Reg::Saved1, FReg::F1, slow);
            if fop == FOp::Div {
                self.branch_if_zero_f64(FReg::F1, slow);
            }
            self.m.fop(fop, FReg::F0, FReg::F1);
            self.box_float(instr.unit, err);
        } else {
            self.m.jump(slow);
        }
        self.m.bind(store);
        self.m.store(self.stack(d - 2), Reg::Tmp0);
        self.release_val(a, Reg::Saved0, instr.unit);
        self.release_val(b, Reg::Saved1, instr.unit);
        self.m.jump(done);
        self.m.bind(slow);
        self.spill(&[a, b]);
        self.op(instr, operators::binary_op, d, d - 1);
        self.m.bind(done);
    }

    /// Branches to `target` if `f` is +0.0 or -0.0. Clobbers `F2`.
    fn branch_if_zero_f64(&mut self, f: FReg, target: Label) {
        let nonzero = self.m.new_label();
        self.m.mov_imm(Reg::Tmp2, 0);
        self.m.int_to_f64(FReg::F2, Reg::Tmp2);
        self.m.cmp_f64(f, FReg::F2);
        self.m.branch(Cond::Unordered, nonzero);
        self.m.branch(Cond::Eq, target);
        self.m.bind(nonzero);
    }

    /// COMPARE_OP on ints or floats, either producing a bool or, fused
    /// with the POP_JUMP that follows, branching directly.
    pub(super) fn compare_op(&mut self, instr: &Instr, d: u32, outcome: Outcome) {
        if instr.oparg > 5 {
            self.flush(d);
            return self.op(instr, operators::compare_op, d, d - 1);
        }
        let (floats, slow, yes, no) = (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        let [a, b] = self.operands::<2>(d);
        let rhs = self.int_operands(a, b, true, floats, slow);
        self.m.cmp(Reg::Tmp0, rhs);
        let cond = [Cond::Lt, Cond::Le, Cond::Eq, Cond::Ne, Cond::Gt, Cond::Ge][instr.oparg as usize];
        self.m.branch(cond, yes);
        self.m.jump(no);
        // Floats: compare so that "true" is an unsigned above/above-or-
        // equal (never set by an unordered, NaN, result), except for != .
        self.m.bind(floats);
        self.float_operand(a, Reg::Saved0, FReg::F0, slow);
        self.float_operand(b, Reg::Saved1, FReg::F1, slow);
        match instr.oparg {
            0 | 1 => self.m.cmp_f64(FReg::F1, FReg::F0),
            _ => self.m.cmp_f64(FReg::F0, FReg::F1),
        }
        match instr.oparg {
            0 | 4 => self.m.branch(Cond::Above, yes),
            1 | 5 => self.m.branch(Cond::AboveEq, yes),
            2 => {
                self.m.branch(Cond::Unordered, no);
                self.m.branch(Cond::Eq, yes);
            }
            _ => {
                self.m.branch(Cond::Unordered, yes);
                self.m.branch(Cond::Ne, yes);
            }
        }
        self.m.jump(no);
        for (label, truth) in [(yes, true), (no, false)] {
            self.m.bind(label);
            if let Outcome::Value = outcome {
                self.m.mov_imm(Reg::Tmp0, super::singleton(if truth { ffi::Py_True } else { ffi::Py_False }));
                self.m.incref(Reg::Tmp0);
                self.m.store(self.stack(d - 2), Reg::Tmp0);
            }
            self.release_val(a, Reg::Saved0, instr.unit);
            self.release_val(b, Reg::Saved1, instr.unit);
            self.finish_outcome(instr, outcome, truth, d - 1);
        }
        self.m.bind(slow);
        self.spill(&[a, b]);
        self.op(instr, operators::compare_op, d, d - 1);
        if let Outcome::Branch { .. } = outcome {
            // The bool is on the stack: the POP_JUMP (next) decides.
            self.edge(instr, instr.next, d - 1);
        }
    }
}
