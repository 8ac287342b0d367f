//! Inline fast paths for arithmetic and comparisons on ints and floats.
//!
//! An int takes the fast path when it is "compact": at most one 30-bit
//! digit, so its value fits a machine word with room to spare and sums,
//! differences and products cannot overflow 64 bits. Results are boxed as
//! CPython boxes them: the cached small ints (-5..=256) are shared, other
//! ints come from `PyLong_FromLong`, floats from the interpreter's float
//! free list as `PyFloat_FromDouble` takes them (and a float temporary
//! that only the operation references takes the result in place).
//! Anything else (big ints, subclasses, other types, division by zero)
//! takes the generic helper, which does exactly what the interpreter does.
//! Operand types known at compile time (constants, specialised
//! parameters, results of earlier arithmetic) are not checked again.

use super::{Gen, Outcome, Place, Restore, Val, INT_REG, INT_UNKNOWN};
use crate::compiler::bytecode::Instr;
use crate::cpython::opcode::Op;
use crate::cpython::layout::FloatObject;
use crate::runtime::operators;
use diojit_asm::{Alu, Arg, Cond, FOp, FReg, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi;
use std::mem::offset_of;

use super::{LONG_DIGIT, LONG_SIZE, OB_TYPE};
const FLOAT_VALUE: i32 = offset_of!(FloatObject, ob_fval) as i32;
const OB_REFCNT: i32 = offset_of!(ffi::PyObject, ob_refcnt) as i32;

/// `numfree` relative to the free list's head.
fn numfree_disp(list: &crate::cpython::api::FloatFreeList) -> i32 {
    list.numfree as i64 as i32 - list.head as i64 as i32
}

/// Where a compare-and-branch goes, when it needs no code on its way.
enum Direct {
    Both { yes: Label, no: Label },
    /// True branches to `yes`; false falls through.
    FallIfFalse { yes: Label },
    /// False branches to `no`; true falls through.
    FallIfTrue { no: Label },
}

/// A BINARY_OP the fast paths handle (in-place forms behave the same on
/// ints and floats, which are immutable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    TrueDiv,
    And,
    Or,
    Xor,
    /// `x ** 2` (only with the constant 2: an int's square is its
    /// product with itself; a float's is not always `pow`'s, which rounds
    /// differently, so floats take the generic path).
    Square,
}

impl Arith {
    /// From BINARY_OP's operand (`NB_*`, in-place forms offset by 13).
    pub fn from_oparg(oparg: u32) -> Option<Arith> {
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
            8 => Arith::Square,
            _ => return None,
        })
        .filter(|_| oparg < 26)
    }

    /// The machine operation of an operation on two ints that is one
    /// (`+ - *` may overflow 64 bits; `& | ^` cannot).
    pub fn on_ints(self) -> Option<Alu> {
        match self {
            Arith::Add => Some(Alu::Add),
            Arith::Sub => Some(Alu::Sub),
            Arith::Mul => Some(Alu::Mul),
            Arith::And => Some(Alu::And),
            Arith::Or => Some(Alu::Or),
            Arith::Xor => Some(Alu::Xor),
            _ => None,
        }
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

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// Branches to `fail` unless `obj`'s type is exactly `ty`.
    pub(super) fn guard_type(&mut self, obj: Reg, ty: u64, fail: Label) {
        self.m.mov_imm(Reg::Tmp2, ty);
        self.m.cmp(Reg::Tmp2, Operand::Mem(Mem::new(obj, OB_TYPE)));
        self.m.branch(Cond::Ne, fail);
    }

    /// `dst` = the value of the int `obj` if it is compact (one digit at
    /// most), else branches to `fail`. Clobbers `Tmp2`.
    pub(super) fn compact_value(&mut self, obj: Reg, dst: Reg, fail: Label) {
        // ob_size in -1..=1: the value is ob_size * ob_digit[0].
        self.m.load(dst, Mem::new(obj, LONG_SIZE));
        self.m.lea(Reg::Tmp2, Mem::new(dst, 1));
        self.m.cmp(Reg::Tmp2, Operand::Imm(2));
        self.m.branch(Cond::Above, fail);
        self.m.load_u32(Reg::Tmp2, Mem::new(obj, LONG_DIGIT));
        self.m.alu(Alu::Mul, dst, Operand::Reg(Reg::Tmp2));
    }

    /// `Tmp0 // Tmp1`, or `Tmp0 % Tmp1` if `rem`, as Python floors them,
    /// in `Tmp0`: a truncating division, then, when the remainder is
    /// non-zero and its sign differs from the divisor's, the quotient one
    /// down and the remainder one divisor over. The divisor is not zero,
    /// nor -1 with `Tmp0` the most negative value. Clobbers `Tmp2` and
    /// `Tmp3`.
    pub(super) fn floor_divmod(&mut self, rem: bool) {
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
        if rem {
            self.m.mov(Reg::Tmp0, Reg::Tmp3);
        }
    }

    /// `dst` = the value of the int `obj` if it has at most two digits
    /// (60 bits), else branches to `big`. `obj` and `dst` are neither
    /// `Tmp1` nor `Tmp2`, which it clobbers.
    pub(super) fn two_digit_value(&mut self, obj: Reg, dst: Reg, big: Label) {
        let (two, done) = (self.m.new_label(), self.m.new_label());
        self.compact_value(obj, dst, two);
        self.m.jump(done);
        // `ob_size` ±2: `ob_digit[0] | ob_digit[1] << 30`, negated for -2.
        self.m.bind(two);
        self.m.load(Reg::Tmp1, Mem::new(obj, LONG_SIZE));
        self.m.load_u32(dst, Mem::new(obj, LONG_DIGIT + 4));
        self.m.shl(dst, 30);
        self.m.load_u32(Reg::Tmp2, Mem::new(obj, LONG_DIGIT));
        self.m.alu(Alu::Or, dst, Operand::Reg(Reg::Tmp2));
        self.m.cmp(Reg::Tmp1, Operand::Imm(2));
        self.m.branch(Cond::Eq, done);
        self.m.cmp(Reg::Tmp1, Operand::Imm(-2));
        self.m.branch(Cond::Ne, big);
        self.m.neg(dst);
        self.m.bind(done);
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
    /// An operand whose value `INT_REG` holds takes it from there (its
    /// type and digits are read only if it holds `INT_UNKNOWN`).
    fn int_operands(&mut self, a: Val, b: Val, immediate: bool, not_ints: Label, big: Label) -> Operand {
        // Both facts are read before anything is emitted.
        let (a_int, b_int) = (self.int_in_reg(a), self.int_in_reg(b));
        // The one a register still holds first, before that is forgotten.
        // An int constant on the right is an immediate everywhere: no
        // register holds it.
        let b_const = self.const_int(b).is_some();
        if self.place_of(b).and_then(|p| self.copy_of(p)).is_some() {
            self.load_val(b, Reg::Saved1);
            self.load_val(a, Reg::Saved0);
        } else {
            self.load_val(a, Reg::Saved0);
            if !b_const {
                self.load_val(b, Reg::Saved1);
            }
        }
        if a_int {
            self.int_from_reg(Reg::Saved0, Reg::Tmp0, not_ints, big);
        } else {
            self.guard_val(a, Reg::Saved0, self.ctx.types.int, not_ints);
        }
        if b_int {
            self.int_from_reg(Reg::Saved1, Reg::Tmp1, not_ints, big);
        } else {
            self.guard_val(b, Reg::Saved1, self.ctx.types.int, not_ints);
        }
        if !a_int {
            self.int_val(a, Reg::Saved0, Reg::Tmp0, big);
        }
        match self.const_int(b) {
            Some(c) if immediate => Operand::Imm(c as i32),
            _ => {
                if !b_int {
                    self.int_val(b, Reg::Saved1, Reg::Tmp1, big);
                }
                Operand::Reg(Reg::Tmp1)
            }
        }
    }

    /// `dst` = the value `INT_REG` holds for the object in `obj`; if it
    /// holds `INT_UNKNOWN`, out of line, the object's type and digits as
    /// `int_val` reads them.
    fn int_from_reg(&mut self, obj: Reg, dst: Reg, not_int: Label, big: Label) {
        let (unknown, back) = (self.m.new_label(), self.m.new_label());
        self.m.cmp(INT_REG, Operand::Imm(INT_UNKNOWN));
        self.m.branch(Cond::Eq, unknown);
        self.m.mov(dst, INT_REG);
        self.m.bind(back);
        let int = self.ctx.types.int;
        self.slow_path(move |g| {
            g.m.bind(unknown);
            g.guard_type(obj, int, not_int);
            g.compact_value(obj, dst, big);
            g.m.jump(back);
        });
    }

    /// Boxes the machine integer in `Tmp0` as an int, a new reference in
    /// `Tmp0`; on allocation failure branches to `err`.
    pub(super) fn box_int(&mut self, unit: u32, err: Label) {
        let (big, done) = (self.m.new_label(), self.m.new_label());
        self.box_small_int(big);
        self.m.jump(done);
        self.m.bind(big);
        self.box_big_int(unit, err);
        self.m.bind(done);
    }

    /// Boxes `Tmp0` as a new reference to its cached small int (-5..=256
    /// are shared: index = value + 5, 32 bytes apart), the value staying
    /// in `INT_REG`; any other value branches to `other`. Runs no code.
    fn box_small_int(&mut self, other: Label) {
        let Some(small) = self.ctx.small_ints else { return self.m.jump(other) };
        self.m.mov(INT_REG, Reg::Tmp0);
        self.m.lea(Reg::Tmp2, Mem::new(Reg::Tmp0, 5));
        self.m.cmp(Reg::Tmp2, Operand::Imm(261));
        self.m.branch(Cond::Above, other);
        self.m.shl(Reg::Tmp0, 5);
        self.m.mov_imm(Reg::Tmp2, small + 5 * 32);
        self.m.alu(Alu::Add, Reg::Tmp0, Operand::Reg(Reg::Tmp2));
        self.m.incref(Reg::Tmp0);
    }

    /// Boxes `Tmp0` with `PyLong_FromLong`; on failure branches to `err`.
    fn box_big_int(&mut self, unit: u32, err: Label) {
        self.runs_code = true; // allocating may run the garbage collector
        self.set_ip(unit);
        self.m.call(ffi::PyLong_FromLong as *const () as usize, &[Arg::Reg(Reg::Tmp0)]);
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, err);
    }

    /// Boxes the double in `F0` as a float, a new reference in `Tmp0`.
    fn box_float(&mut self, unit: u32, err: Label) {
        self.runs_code = true; // allocating may run the garbage collector
        let done = self.m.new_label();
        if let Some(list) = self.ctx.float_free_list {
            // PyFloat_FromDouble's free-list pop, unless tracemalloc must
            // see the new reference.
            let call = self.m.new_label();
            self.m.mov_imm(Reg::Tmp2, list.head as u64);
            self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp2, 0));
            self.m.test(Reg::Tmp0);
            self.m.branch(Cond::Eq, call);
            self.m.mov_imm(Reg::Tmp1, list.tracing as u64);
            self.m.cmp_i32_mem(Mem::new(Reg::Tmp1, 0), 0);
            self.m.branch(Cond::Ne, call);
            self.m.load(Reg::Tmp1, Mem::new(Reg::Tmp0, OB_TYPE));
            self.m.store(Mem::new(Reg::Tmp2, 0), Reg::Tmp1);
            self.m.add_i32_mem(Mem::new(Reg::Tmp2, numfree_disp(&list)), -1);
            self.m.mov_imm(Reg::Tmp1, self.ctx.types.float);
            self.m.store(Mem::new(Reg::Tmp0, OB_TYPE), Reg::Tmp1);
            self.m.store_imm(Mem::new(Reg::Tmp0, OB_REFCNT), 1);
            self.m.store_f64(Mem::new(Reg::Tmp0, FLOAT_VALUE), FReg::F0);
            self.m.jump(done);
            self.m.bind(call);
        }
        self.set_ip(unit);
        // The double is the first floating-point argument, already in F0.
        self.m.call(ffi::PyFloat_FromDouble as *const () as usize, &[]);
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, err);
        self.m.bind(done);
    }

    /// The code's deallocation routine, if any code called it: the object
    /// whose count reached zero in `Tmp1` goes back to the float free
    /// list if it is an exact float and the list has room, as
    /// `_PyFloat_ExactDealloc` does; anything else to `_Py_Dealloc`.
    /// Called like a C function of no arguments (clobbering no more).
    pub(super) fn emit_dealloc(&mut self) {
        let Some(list) = self.ctx.float_free_list else { return };
        let other = self.m.new_label();
        let routine = self.dealloc_routine;
        self.m.bind(routine);
        self.guard_type(Reg::Tmp1, self.ctx.types.float, other);
        self.m.mov_imm(Reg::Tmp2, list.head as u64);
        self.m.cmp_i32_mem(Mem::new(Reg::Tmp2, numfree_disp(&list)), list.max);
        self.m.branch(Cond::Ge, other);
        self.m.add_i32_mem(Mem::new(Reg::Tmp2, numfree_disp(&list)), 1);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp2, 0));
        self.m.store(Mem::new(Reg::Tmp1, OB_TYPE), Reg::Tmp0);
        self.m.store(Mem::new(Reg::Tmp2, 0), Reg::Tmp1);
        self.m.ret();
        self.m.bind(other);
        self.m.jump_to(crate::cpython::api::_Py_Dealloc as *const () as usize, &[Arg::Reg(Reg::Tmp1)]);
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

    /// BINARY_OP: int and float fast paths, the helper otherwise. The
    /// compact-int path is inline; boxing a result beyond the small ints,
    /// floats and the helper are out of line, each checking for tracing
    /// (they may run code) before rejoining.
    pub(super) fn binary_op(&mut self, instr: &Instr, d: u32) {
        let [a, b] = self.operands::<2>(d);
        let op = Arith::from_oparg(instr.oparg).filter(|&op| op != Arith::Square || self.const_int(b) == Some(2));
        let Some(op) = op else {
            self.spill(&[a, b]);
            return self.op(instr, operators::binary_op, d, d - 1);
        };
        let (floats, slow, big, cont) = (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.result_type = self.arith_result_type(op, a, b);
        let err = self.error_with(d, &[a, b]);
        // int <op> int
        let divides = matches!(op, Arith::FloorDiv | Arith::Mod | Arith::TrueDiv);
        let rhs = self.int_operands(a, b, !divides, floats, slow);
        match op {
            Arith::Add | Arith::Sub | Arith::Mul | Arith::And | Arith::Or | Arith::Xor => {
                let alu = op.on_ints().unwrap_or(Alu::Add);
                self.m.alu(alu, Reg::Tmp0, rhs);
            }
            // |x| < 2**30: the square fits 60 bits.
            Arith::Square => self.m.alu(Alu::Mul, Reg::Tmp0, Operand::Reg(Reg::Tmp0)),
            Arith::FloorDiv | Arith::Mod => {
                self.m.test(Reg::Tmp1);
                self.m.branch(Cond::Eq, slow);
                self.floor_divmod(op == Arith::Mod);
            }
            Arith::TrueDiv => {
                // Both fit in 31 bits, so the doubles are exact and the
                // quotient correctly rounded, as CPython computes it.
                self.m.test(Reg::Tmp1);
                self.m.branch(Cond::Eq, slow);
                self.m.int_to_f64(FReg::F0, Reg::Tmp0);
                self.m.int_to_f64(FReg::F1, Reg::Tmp1);
                self.m.fop(FOp::Div, FReg::F0, FReg::F1);
            }
        }
        if op == Arith::TrueDiv {
            self.box_float(instr.unit, err);
        } else {
            self.box_small_int(big);
        }
        self.binary_result(instr, d, a, b);
        // Only a released operand's deallocation or an allocation can
        // have run code here.
        if self.runs_code {
            self.tracing_check(instr.op, instr.next, d - 1);
        }
        self.runs_code = false;
        self.m.bind(cont);
        // Every path reaches `cont` with the result in `Tmp0` and, for an
        // int operation, its value in `INT_REG` (only the inline path
        // knows it; the others set `INT_UNKNOWN`).
        let int = op != Arith::TrueDiv;
        self.note_copy(Place::Stack(d - 2), Reg::Tmp0, int);
        let instr = *instr;
        self.slow_path(move |g| {
            // Each path may have run code (an allocation, a deallocation).
            let rejoin = |g: &mut Self| {
                g.tracing_check(instr.op, instr.next, d - 1);
                g.m.mov_imm(INT_REG, INT_UNKNOWN as i64 as u64);
                g.m.jump(cont);
            };
            if op != Arith::TrueDiv {
                g.m.bind(big);
                g.box_big_int(instr.unit, err);
                g.binary_result(&instr, d, a, b);
                rejoin(g);
            }
            // float <op> float, float <op> int, int <op> float
            g.m.bind(floats);
            if let Some(fop) = op.on_floats() {
                g.float_operand(a, Reg::Saved0, FReg::F0, slow);
                g.float_operand(b, Reg::Saved1, FReg::F1, slow);
                if fop == FOp::Div {
                    g.branch_if_zero_f64(FReg::F1, slow);
                }
                g.m.fop(fop, FReg::F0, FReg::F1);
                g.float_result(&instr, d, a, b, err);
                rejoin(g);
            } else {
                g.m.jump(slow);
            }
            g.m.bind(slow);
            g.spill(&[a, b]);
            g.op(&instr, operators::binary_op, d, d - 1);
            g.m.load(Reg::Tmp0, g.stack(d - 2));
            rejoin(g);
        });
    }

    /// The exact type of `a <op> b` whenever it has a result, if the
    /// operands' types say: ints give an int (a float for `/`), ints and
    /// floats mixed give a float.
    fn arith_result_type(&self, op: Arith, a: Val, b: Val) -> Option<u64> {
        let (int, float) = (self.ctx.types.int, self.ctx.types.float);
        let (ta, tb) = (self.known_type(a)?, self.known_type(b)?);
        let number = |t: u64| t == int || t == float;
        match op {
            _ if ta == int && tb == int => Some(if op == Arith::TrueDiv { float } else { int }),
            Arith::Add | Arith::Sub | Arith::Mul | Arith::TrueDiv | Arith::FloorDiv | Arith::Mod
                if number(ta) && number(tb) =>
            {
                Some(float)
            }
            _ => None,
        }
    }

    /// Pushes the result in `Tmp0` in place of the operands `a` and `b`,
    /// releasing them; a deallocation puts back the result in `Tmp0` and
    /// forgets the int value.
    fn binary_result(&mut self, instr: &Instr, d: u32, a: Val, b: Val) {
        let result = self.stack(d - 2);
        self.m.store(result, Reg::Tmp0);
        let restore = Restore { reload: Some((Reg::Tmp0, result)), forget_int: true };
        for (v, reg) in [(a, Reg::Saved0), (b, Reg::Saved1)] {
            if v.owned() {
                self.decref_restoring(reg, instr.unit, restore);
            }
        }
    }

    /// Pushes the float in `F0` in place of the operands `a` and `b` (each a
    /// float, or an int converted), into `Tmp0`. An operand the
    /// instruction owns that is an exact float nothing else references
    /// takes the value in place (a temporary of the expression dies here
    /// anyway) unless tracemalloc is tracing, which must see the
    /// allocations the interpreter makes; otherwise a new float. Then
    /// releases the operands.
    fn float_result(&mut self, instr: &Instr, d: u32, a: Val, b: Val, err: Label) {
        let (done, allocate) = (self.m.new_label(), self.m.new_label());
        let owned = [a, b].iter().any(|v| v.owned());
        if let Some(list) = self.ctx.float_free_list.filter(|_| owned) {
            self.m.mov_imm(Reg::Tmp1, list.tracing as u64);
            self.m.cmp_i32_mem(Mem::new(Reg::Tmp1, 0), 0);
            self.m.branch(Cond::Ne, allocate);
        }
        for (v, reg, other) in [(a, Reg::Saved0, b), (b, Reg::Saved1, a)] {
            if !v.owned() || self.ctx.float_free_list.is_none() {
                continue;
            }
            let next = self.m.new_label();
            self.m.cmp_mem_imm(Mem::new(reg, OB_REFCNT), 1);
            self.m.branch(Cond::Ne, next);
            self.guard_type(reg, self.ctx.types.float, next);
            self.m.store_f64(Mem::new(reg, FLOAT_VALUE), FReg::F0);
            self.m.mov(Reg::Tmp0, reg);
            self.m.store(self.stack(d - 2), Reg::Tmp0);
            if other.owned() {
                let result = self.stack(d - 2);
                let restore = Restore { reload: Some((Reg::Tmp0, result)), forget_int: true };
                let other_reg = if reg == Reg::Saved0 { Reg::Saved1 } else { Reg::Saved0 };
                self.decref_restoring(other_reg, instr.unit, restore);
            }
            self.m.jump(done);
            self.m.bind(next);
        }
        self.m.bind(allocate);
        self.box_float(instr.unit, err);
        self.binary_result(instr, d, a, b);
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
    /// with the POP_JUMP that follows, branching directly. The int path is
    /// inline; floats and the helper are out of line. `fused_pop_jump`:
    /// the POP_JUMP is reached only from here, and its generic code goes
    /// out of line too, so that the int path falls through to what
    /// follows it.
    pub(super) fn compare_op(&mut self, instr: &Instr, d: u32, outcome: Outcome, fused_pop_jump: bool) {
        if instr.oparg > 5 {
            self.flush(d);
            return self.op(instr, operators::compare_op, d, d - 1);
        }
        let (floats, slow, cont) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        let [a, b] = self.operands::<2>(d);
        let rhs = self.int_operands(a, b, true, floats, slow);
        self.m.cmp(Reg::Tmp0, rhs);
        let k = instr.oparg as usize;
        let (cond, negated) = (
            [Cond::Lt, Cond::Le, Cond::Eq, Cond::Ne, Cond::Gt, Cond::Ge][k],
            [Cond::Ge, Cond::Gt, Cond::Ne, Cond::Eq, Cond::Le, Cond::Lt][k],
        );
        match self.direct_edges(outcome, a, b, fused_pop_jump) {
            Some(Direct::Both { yes, no }) => {
                self.m.branch(cond, yes);
                self.m.jump(no);
            }
            Some(Direct::FallIfFalse { yes }) => self.m.branch(cond, yes),
            Some(Direct::FallIfTrue { no }) => self.m.branch(negated, no),
            None => {
                let yes = self.m.new_label();
                self.m.branch(cond, yes);
                self.outcome_path(instr, outcome, false, d, a, b);
                self.m.bind(yes);
                self.outcome_path(instr, outcome, true, d, a, b);
            }
        }
        self.runs_code = false;
        self.m.bind(cont);
        let instr = *instr;
        self.slow_path(move |g| {
            let (yes, no) = (g.m.new_label(), g.m.new_label());
            // Floats: compare so that "true" is an unsigned above/above-or-
            // equal (never set by an unordered, NaN, result), except for != .
            g.m.bind(floats);
            g.float_operand(a, Reg::Saved0, FReg::F0, slow);
            g.float_operand(b, Reg::Saved1, FReg::F1, slow);
            match instr.oparg {
                0 | 1 => g.m.cmp_f64(FReg::F1, FReg::F0),
                _ => g.m.cmp_f64(FReg::F0, FReg::F1),
            }
            match instr.oparg {
                0 | 4 => g.m.branch(Cond::Above, yes),
                1 | 5 => g.m.branch(Cond::AboveEq, yes),
                2 => {
                    g.m.branch(Cond::Unordered, no);
                    g.m.branch(Cond::Eq, yes);
                }
                _ => {
                    g.m.branch(Cond::Unordered, yes);
                    g.m.branch(Cond::Ne, yes);
                }
            }
            g.m.bind(no);
            g.outcome_path(&instr, outcome, false, d, a, b);
            g.m.bind(yes);
            g.outcome_path(&instr, outcome, true, d, a, b);
            g.m.bind(slow);
            g.spill(&[a, b]);
            g.op(&instr, operators::compare_op, d, d - 1);
            match outcome {
                Outcome::Branch { pop_jump } if fused_pop_jump => {
                    // The POP_JUMP itself, on whatever the helper returned.
                    let pj = g.flow.instrs[pop_jump];
                    g.tracing_check(instr.op, pj.unit, d - 1);
                    g.cur_unit = pj.unit;
                    g.pop_jump_if_bool(&pj, d - 1);
                    let next = g.label_at(pj.next);
                    g.m.jump(next);
                }
                // The bool is on the stack: the POP_JUMP (next) decides.
                Outcome::Branch { .. } => g.edge(&instr, instr.next, d - 1),
                Outcome::Value => {
                    g.tracing_check(instr.op, instr.next, d - 1);
                    g.m.jump(cont);
                }
            }
        });
    }

    /// How a compact-int comparison fused with its POP_JUMP branches when
    /// its outcomes need no code on their way (no operand to release,
    /// nothing deferred, forward jumps). What follows the comparison's code
    /// is the POP_JUMP's next instruction when `fused_pop_jump`.
    fn direct_edges(&mut self, outcome: Outcome, a: Val, b: Val, fused_pop_jump: bool) -> Option<Direct> {
        let Outcome::Branch { pop_jump } = outcome else { return None };
        if a.owned() || b.owned() || !self.pending.is_empty() || self.runs_code {
            return None;
        }
        let pj = self.flow.instrs[pop_jump];
        let target = pj.target().unwrap_or(pj.next);
        if target <= pj.unit {
            return None; // a backward jump checks the eval breaker
        }
        let jump_if_true = matches!(pj.op, Op::POP_JUMP_FORWARD_IF_TRUE | Op::POP_JUMP_BACKWARD_IF_TRUE);
        let (taken, fall) = (self.label_at(target), self.label_at(pj.next));
        Some(match (fused_pop_jump, jump_if_true) {
            (true, true) => Direct::FallIfFalse { yes: taken },
            (true, false) => Direct::FallIfTrue { no: taken },
            (false, true) => Direct::Both { yes: taken, no: fall },
            (false, false) => Direct::Both { yes: fall, no: taken },
        })
    }

    /// The path of a comparison's fast path whose result is `truth`:
    /// push the bool (or not, fused), release the operands and go on.
    fn outcome_path(&mut self, instr: &Instr, outcome: Outcome, truth: bool, d: u32, a: Val, b: Val) {
        if let Outcome::Value = outcome {
            self.m.mov_imm(Reg::Tmp0, super::singleton(if truth { ffi::Py_True } else { ffi::Py_False }));
            self.m.incref(Reg::Tmp0);
            self.m.store(self.stack(d - 2), Reg::Tmp0);
        }
        self.release_val(a, Reg::Saved0, instr.unit);
        self.release_val(b, Reg::Saved1, instr.unit);
        self.finish_outcome(instr, outcome, truth, d - 1);
    }
}
