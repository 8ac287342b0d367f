//! The frameless body of a function whose self calls need no frames (see
//! `compiler::frameless`), and the call from its ordinary body that
//! starts a chain of them.
//!
//! An activation is the space of a frame of this code on the thread's data
//! stack, reserved by its caller right above the caller's own (so
//! `Frame + size` is always the callee's), holding unboxed ints: the
//! parameters and stored locals in the local slots, values the body
//! computes in the stack slots. Constants and parameters are pushed lazily (an operand names
//! them until a slot must hold them). The caller marks the callee's
//! header (`f_code = NULL`) and names the call site in its own
//! `prev_instr`; that is all `runtime::frameless` needs to build the
//! chain's frames when an activation stops. A callee's return with the
//! data stack popped to the callee (its frame was built, run by the
//! interpreter, cleared and popped) means the caller was built too: its
//! own frame then goes on in the interpreter.

use super::frames::F_CODE;
use super::Gen;
use super::numbers::Arith;
use crate::compiler::frameless::{int_binary, Kind, Plan, ENTRY_SITE};
use crate::cpython::opcode::Op;
use crate::runtime::frameless::{self, FramelessInfo};
use diojit_asm::{Arg, Cond, Label, Masm, Mem, Operand, Reg};

use super::frames::{T_DATASTACK_LIMIT, T_DATASTACK_TOP};
use super::{F_BUILTINS, F_GLOBALS, F_LOCALSPLUS, F_PREV_INSTR, OB_TYPE, T_RECURSION};
use crate::cpython::layout::{DictKeysObject, DictObject, DICT_KEYS_GENERAL};
use std::mem::offset_of;
const MA_KEYS: i32 = offset_of!(DictObject, ma_keys) as i32;
const DK_KIND: i32 = offset_of!(DictKeysObject, dk_kind) as i32;

/// A value on the frameless body's stack, as the code generator knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opnd {
    /// In its stack slot.
    Slot,
    Local(u32),
    Const(i64),
    /// The NULL or the callee a call consumes: nothing stored.
    Virtual,
}

/// The frameless body being emitted, and where it is.
pub(super) struct Frameless {
    pub entry: Label,
    pub info: Box<FramelessInfo>,
}

/// Out-of-line ends of the frameless body.
enum Stop {
    /// The activation stops at `site` with these operands on its stack.
    At { label: Label, site: u32, stack: Vec<Opnd> },
    /// The activation waiting at CALL site `site` was built.
    Built { label: Label, site: u32 },
}

impl<'a, M: Masm + 'a> Gen<'a, M> {
    fn fl_size(&self) -> i32 {
        self.frameless.as_ref().map_or(0, |f| f.info.frame_bytes as i32)
    }

    /// Emits the frameless body for `plan` (at `self.frameless`'s entry).
    pub(super) fn frameless_body(&mut self, plan: &Plan) {
        let Some(f) = self.frameless.as_ref() else { return };
        let (entry, info) = (f.entry, &*f.info as *const FramelessInfo as u64);
        let size = self.fl_size();
        let mut stops = Vec::new();
        let entry_stop = self.m.new_label();
        stops.push(Stop::At { label: entry_stop, site: ENTRY_SITE, stack: Vec::new() });
        self.m.bind(entry);
        self.m.enter_with(&[Reg::Frame]);
        // As the frame's RESUME would: the recursion limit, the eval
        // breaker, and the C stack; any of them stops the chain.
        self.m.add_i32_mem(Mem::new(Reg::Tstate, T_RECURSION), -1);
        self.m.branch(Cond::Lt, entry_stop);
        self.m.mov_imm(Reg::Tmp0, self.ctx.eval_breaker as u64);
        self.m.cmp_i32_mem(Mem::new(Reg::Tmp0, 0), 0);
        self.m.branch(Cond::Ne, entry_stop);
        self.m.branch_stack_low(entry_stop);
        self.m.mov_imm(Reg::Tmp0, crate::stats::NATIVE_CALLS.address());
        self.m.incref(Reg::Tmp0);

        let labels: Vec<Label> = (0..self.flow.instrs.len()).map(|_| self.m.new_label()).collect();
        let mut stack: Vec<Opnd> = Vec::new();
        let mut live = false;
        for (i, instr) in self.flow.instrs.iter().enumerate() {
            let Some(kinds) = plan.stacks[i].as_ref() else { continue };
            if self.flow.is_target[i] || !live {
                // A join (or code after a jump): every value in its slot.
                self.m.bind(labels[i]);
                stack = kinds.iter().map(|k| if *k == Kind::Int { Opnd::Slot } else { Opnd::Virtual }).collect();
            }
            live = true;
            let d = stack.len() as u32;
            match instr.op {
                Op::LOAD_FAST => stack.push(Opnd::Local(instr.oparg)),
                Op::STORE_FAST => {
                    let v = stack.pop().unwrap_or(Opnd::Slot);
                    // Deferred pushes of the old value take it now.
                    for k in 0..stack.len() {
                        if stack[k] == Opnd::Local(instr.oparg) {
                            self.fl_store(self.stack(k as u32), stack[k], k as u32);
                            stack[k] = Opnd::Slot;
                        }
                    }
                    self.fl_store(self.slot_mem(instr.oparg), v, d - 1);
                }
                Op::LOAD_CONST => stack.push(Opnd::Const(plan.consts[i].unwrap_or(0))),
                Op::LOAD_GLOBAL => stack.extend([Opnd::Virtual, Opnd::Virtual]),
                Op::BINARY_OP | Op::UNARY_NEGATIVE => {
                    let stop = self.m.new_label();
                    let site = plan.site_of[i].unwrap_or(ENTRY_SITE);
                    stops.push(Stop::At { label: stop, site, stack: stack.clone() });
                    if instr.op == Op::UNARY_NEGATIVE {
                        let a = stack.pop().unwrap_or(Opnd::Slot);
                        self.fl_load(Reg::Tmp0, a, d - 1);
                        self.m.neg(Reg::Tmp0);
                        self.m.branch(Cond::Overflow, stop);
                    } else {
                        let b = stack.pop().unwrap_or(Opnd::Slot);
                        let a = stack.pop().unwrap_or(Opnd::Slot);
                        self.fl_load(Reg::Tmp0, a, d - 2);
                        let op = int_binary(instr.oparg).unwrap_or(Arith::Add);
                        match op.on_ints() {
                            Some(alu) => {
                                let rhs = self.fl_operand(b, d - 1);
                                self.m.alu(alu, Reg::Tmp0, rhs);
                                self.m.branch(Cond::Overflow, stop);
                            }
                            None => {
                                // A divisor of zero raises; a negative one
                                // (-1 would trap on the most negative
                                // value) is left to the interpreter.
                                self.fl_load(Reg::Tmp1, b, d - 1);
                                self.m.cmp(Reg::Tmp1, Operand::Imm(0));
                                self.m.branch(Cond::Le, stop);
                                self.floor_divmod(op == Arith::Mod);
                            }
                        }
                    }
                    let at = stack.len() as u32;
                    self.m.store(self.stack(at), Reg::Tmp0);
                    stack.push(Opnd::Slot);
                }
                Op::COMPARE_OP => {
                    let b = stack.pop().unwrap_or(Opnd::Slot);
                    let a = stack.pop().unwrap_or(Opnd::Slot);
                    self.fl_flush(&mut stack);
                    self.fl_load(Reg::Tmp0, a, d - 2);
                    let rhs = self.fl_operand(b, d - 1);
                    self.m.cmp(Reg::Tmp0, rhs);
                    let pj = plan.fused[i].map(|k| self.flow.instrs[k]);
                    let (Some(pj), Some(target)) = (pj, pj.and_then(|p| p.target())) else { continue };
                    let cond = [Cond::Lt, Cond::Le, Cond::Eq, Cond::Ne, Cond::Gt, Cond::Ge][instr.oparg as usize % 6];
                    let cond = if pj.op == Op::POP_JUMP_FORWARD_IF_FALSE { negate(cond) } else { cond };
                    let t = self.flow.index_of(target).unwrap_or(0);
                    self.m.branch(cond, labels[t]);
                }
                Op::JUMP_FORWARD => {
                    self.fl_flush(&mut stack);
                    let t = instr.target().and_then(|u| self.flow.index_of(u)).unwrap_or(0);
                    self.m.jump(labels[t]);
                    live = false;
                }
                Op::CALL => {
                    let n = instr.oparg;
                    let base = d - n - 2;
                    let (full, built) = (self.m.new_label(), self.m.new_label());
                    let precall_site = plan.site_of.get(i.wrapping_sub(1)).copied().flatten().unwrap_or(ENTRY_SITE);
                    let site = plan.site_of[i].unwrap_or(ENTRY_SITE);
                    let mut below = stack[..base as usize].to_vec();
                    self.fl_flush(&mut below);
                    stack[..base as usize].copy_from_slice(&below);
                    stops.push(Stop::At { label: full, site: precall_site, stack: stack.clone() });
                    stops.push(Stop::Built { label: built, site });
                    self.activation_fits(full);
                    self.m.store(Mem::new(Reg::Tstate, T_DATASTACK_TOP), Reg::Tmp1);
                    for j in 0..n {
                        let arg = stack[(base + 2 + j) as usize];
                        let dst = Mem::new(Reg::Frame, size + F_LOCALSPLUS + 8 * j as i32);
                        self.fl_store(dst, arg, base + 2 + j);
                    }
                    self.m.store_imm(Mem::new(Reg::Frame, size + F_CODE), 0);
                    self.m.store_imm(Mem::new(Reg::Frame, F_PREV_INSTR), site as i32);
                    self.m.call_label(entry, &[Arg::Addr(Mem::new(Reg::Frame, size))]);
                    self.activation_returned(built);
                    self.m.store(self.stack(base), Reg::Tmp0);
                    stack.truncate(base as usize);
                    stack.push(Opnd::Slot);
                }
                Op::RETURN_VALUE => {
                    let a = stack.pop().unwrap_or(Opnd::Slot);
                    self.fl_load(Reg::Tmp0, a, d - 1);
                    self.m.add_i32_mem(Mem::new(Reg::Tstate, T_RECURSION), 1);
                    self.m.leave();
                    live = false;
                }
                // RESUME, NOP, PRECALL, and the POP_JUMP of a comparison.
                _ => {}
            }
            // Falling into a join (past a comparison's POP_JUMP): its
            // values in their slots.
            let after = plan.fused[i].map_or(i, |k| k) + 1;
            if live && self.flow.is_target.get(after).copied().unwrap_or(false) {
                self.fl_flush(&mut stack);
            }
        }
        for stop in stops {
            match stop {
                Stop::At { label, site, mut stack } => {
                    self.m.bind(label);
                    self.fl_flush(&mut stack);
                    self.m.add_i32_mem(Mem::new(Reg::Tstate, T_RECURSION), 1);
                    self.m.leave_to(
                        frameless::stop as *const () as usize,
                        &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), Arg::Imm(info), Arg::Imm(site as u64)],
                    );
                }
                Stop::Built { label, site } => {
                    self.m.bind(label);
                    self.m.leave_to(
                        frameless::resume_after_call as *const () as usize,
                        &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), Arg::Imm(info), Arg::Imm(site as u64), Arg::Reg(Reg::Tmp0)],
                    );
                }
            }
        }
    }

    /// Branches to `full` unless an activation fits right above the one
    /// (or the frame) at `Frame` in the data-stack chunk; the callee's end,
    /// its data stack's new top, is in `Tmp1` then.
    fn activation_fits(&mut self, full: Label) {
        let size = self.fl_size();
        self.m.lea(Reg::Tmp1, Mem::new(Reg::Frame, 2 * size));
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tstate, T_DATASTACK_LIMIT)));
        self.m.branch(Cond::AboveEq, full);
    }

    /// After the activation right above `Frame` returned (its result in
    /// `Tmp0`): branches to `built` if the data stack was popped to it
    /// (its frame was built, and this one with it), else gives its space
    /// back. Clobbers `Tmp1`.
    fn activation_returned(&mut self, built: Label) {
        let size = self.fl_size();
        self.m.lea(Reg::Tmp1, Mem::new(Reg::Frame, size));
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tstate, T_DATASTACK_TOP)));
        self.m.branch(Cond::Eq, built);
        self.m.store(Mem::new(Reg::Tstate, T_DATASTACK_TOP), Reg::Tmp1);
    }

    /// Loads operand `v` (at stack depth `d`) into `dst`.
    fn fl_load(&mut self, dst: Reg, v: Opnd, d: u32) {
        match v {
            Opnd::Slot | Opnd::Virtual => self.m.load(dst, self.stack(d)),
            Opnd::Local(i) => self.m.load(dst, self.slot_mem(i)),
            Opnd::Const(c) => self.m.mov_imm(dst, c as u64),
        }
    }

    /// Operand `v` (at depth `d`) as the right-hand side of an operation
    /// on `Tmp0`; a wide constant goes through `Tmp1`.
    fn fl_operand(&mut self, v: Opnd, d: u32) -> Operand {
        match v {
            Opnd::Slot | Opnd::Virtual => Operand::Mem(self.stack(d)),
            Opnd::Local(i) => Operand::Mem(self.slot_mem(i)),
            Opnd::Const(c) => match i32::try_from(c) {
                Ok(imm) => Operand::Imm(imm),
                Err(_) => {
                    self.m.mov_imm(Reg::Tmp1, c as u64);
                    Operand::Reg(Reg::Tmp1)
                }
            },
        }
    }

    /// Stores operand `v` (at depth `d`) to `dst`. Clobbers `Tmp0`.
    fn fl_store(&mut self, dst: Mem, v: Opnd, d: u32) {
        match v {
            Opnd::Const(c) if i32::try_from(c).is_ok() => self.m.store_imm(dst, c as i32),
            _ => {
                self.fl_load(Reg::Tmp0, v, d);
                self.m.store(dst, Reg::Tmp0);
            }
        }
    }

    /// Puts every deferred int on `stack` in its slot. Clobbers `Tmp0`.
    fn fl_flush(&mut self, stack: &mut [Opnd]) {
        for d in 0..stack.len() {
            if matches!(stack[d], Opnd::Local(_) | Opnd::Const(_)) {
                self.fl_store(self.stack(d as u32), stack[d], d as u32);
                stack[d] = Opnd::Slot;
            }
        }
    }

    /// The start of a chain at a self call of the ordinary body (slot
    /// `func` holds the callee, `Saved0` too, checked to be this function
    /// with this code, called with `nargs` arguments): if the namespaces
    /// are plain, the arguments ints of at most two digits and the data stack has
    /// room right above this frame, runs the frameless body and leaves its boxed result (or
    /// NULL) in `Saved1`, then jumps to `done`. Otherwise falls through with
    /// nothing done.
    pub(super) fn frameless_call(&mut self, func: u32, nargs: u32, unit: u32, done: Label) {
        let Some(f) = self.frameless.as_ref() else { return };
        let entry = f.entry;
        let size = self.fl_size();
        let framed = self.m.new_label();
        // Lookups in the namespaces must run no Python code, so that the
        // chain's skipped ones could not have seen anything else: exact
        // dicts whose keys are all str.
        for namespace in [F_GLOBALS, F_BUILTINS] {
            self.m.load(Reg::Tmp0, Mem::new(Reg::Frame, namespace));
            self.m.mov_imm(Reg::Tmp1, std::ptr::addr_of_mut!(pyo3::ffi::PyDict_Type) as u64);
            self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp0, OB_TYPE)));
            self.m.branch(Cond::Ne, framed);
            self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp0, MA_KEYS));
            self.m.load_u8(Reg::Tmp0, Mem::new(Reg::Tmp0, DK_KIND));
            self.m.cmp(Reg::Tmp0, Operand::Imm(DICT_KEYS_GENERAL as i32));
            self.m.branch(Cond::Eq, framed);
        }
        self.m.lea(Reg::Saved1, Mem::new(Reg::Frame, size));
        self.m.cmp(Reg::Saved1, Operand::Mem(Mem::new(Reg::Tstate, T_DATASTACK_TOP)));
        self.m.branch(Cond::Ne, framed);
        self.activation_fits(framed);
        for i in 0..nargs {
            let at = func + 1 + i;
            self.m.load(Reg::Tmp0, self.stack(at));
            if self.stack_types.get(at as usize).copied().flatten() != Some(self.ctx.types.int) {
                self.m.mov_imm(Reg::Tmp1, self.ctx.types.int);
                self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp0, OB_TYPE)));
                self.m.branch(Cond::Ne, framed);
            }
            self.two_digit_value(Reg::Tmp0, Reg::Tmp3, framed);
            self.m.store(Mem::new(Reg::Saved1, F_LOCALSPLUS + 8 * i as i32), Reg::Tmp3);
        }
        self.m.lea(Reg::Tmp1, Mem::new(Reg::Frame, 2 * size));
        self.m.store(Mem::new(Reg::Tstate, T_DATASTACK_TOP), Reg::Tmp1);
        self.m.store_imm(Mem::new(Reg::Saved1, F_CODE), 0);
        // The arguments were copied; the callee stays alive in the frame.
        for i in 0..nargs {
            self.m.load(Reg::Tmp1, self.stack(func + 1 + i));
            self.decref(Reg::Tmp1, unit);
        }
        self.m.decref_no_dealloc(Reg::Saved0);
        self.m.call_label(entry, &[Arg::Reg(Reg::Saved1)]);
        let built = self.m.new_label();
        self.activation_returned(built);
        // (Out of memory: NULL, the error of this CALL.)
        self.box_int(unit, built);
        self.m.bind(built);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.m.jump(done);
        self.m.bind(framed);
    }
}

/// The condition that holds when `c` does not (for integer compares).
fn negate(c: Cond) -> Cond {
    match c {
        Cond::Lt => Cond::Ge,
        Cond::Le => Cond::Gt,
        Cond::Eq => Cond::Ne,
        Cond::Ne => Cond::Eq,
        Cond::Gt => Cond::Le,
        Cond::Ge => Cond::Lt,
        other => other,
    }
}
