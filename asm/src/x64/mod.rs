//! x86-64 (System V) implementation of [`Masm`], one `dynasm!` template
//! per operation.
//!
//! Register roles: `Frame` rbx, `Tstate` r12, `CFrame` r13, `Saved0` r14,
//! `Saved1` r15 (all callee-saved in C); `Tmp0`/`Ret` rax, `Tmp1` r10,
//! `Tmp2` rcx, `Tmp3` rdx (clobbered by calls). r11 holds call targets.
//! A C entry keeps a conventional frame pointer in rbp, so that debuggers
//! and profilers can walk through it, and its stack-limit record at a
//! fixed offset from it; functions of the internal convention leave rbp
//! alone and push only rbx.

use crate::masm::{Alu, Arg, AsmError, Cond, FOp, FReg, Label, Masm, Mem, Operand, Reg};
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};

const RAX: u8 = 0;
const RCX: u8 = 1;
const RDX: u8 = 2;
const RBX: u8 = 3;
const RSI: u8 = 6;
const RDI: u8 = 7;
const R8: u8 = 8;
const R9: u8 = 9;
const R10: u8 = 10;
const R12: u8 = 12;
const R13: u8 = 13;
const R14: u8 = 14;
const R15: u8 = 15;
const RBP: u8 = 5;
/// `[rbp + STACK_LIMIT_SLOT]`: the word a C entry's prologue reserves
/// below the callee-saved registers it pushes.
const STACK_LIMIT_SLOT: i32 = -48;

/// C argument registers, in order.
const ARG_REGS: [u8; 6] = [RDI, RSI, RDX, RCX, R8, R9];

fn reg(r: Reg) -> u8 {
    match r {
        Reg::Frame => RBX,
        Reg::Tstate => R12,
        Reg::CFrame => R13,
        Reg::Saved0 => R14,
        Reg::Saved1 => R15,
        Reg::Tmp0 => RAX,
        Reg::Tmp1 => R10,
        Reg::Tmp2 => RCX,
        Reg::Tmp3 => RDX,
    }
}

/// The x86-64 macro-assembler.
pub struct X64Masm {
    ops: VecAssembler<X64Relocation>,
    labels: Vec<DynamicLabel>,
}

impl Default for X64Masm {
    fn default() -> Self {
        Self::new()
    }
}

impl X64Masm {
    pub fn new() -> Self {
        X64Masm { ops: VecAssembler::new(0), labels: Vec::new() }
    }

    fn label(&self, l: Label) -> DynamicLabel {
        self.labels[l.0]
    }

    /// Emits `[REX] opcode ModRM [SIB] [disp]` for an instruction with a
    /// register operand (or opcode extension) `reg` and the memory operand
    /// `[base + disp]`, in its shortest form: dynasm-rs always gives a
    /// run-time displacement 32 bits (and a SIB byte to dynamic bases),
    /// while most of ours (frame slots, struct fields) fit in 8 bits.
    fn mem_op(&mut self, wide: bool, opcode: &[u8], reg: u8, base: u8, disp: i32) {
        let rex = 0x40 | (wide as u8) << 3 | (reg >> 3) << 2 | (base >> 3);
        if rex != 0x40 {
            self.ops.push(rex);
        }
        self.ops.extend(opcode.iter().copied());
        // rbp/r13 as a base have no displacement-free form; rsp/r12 need a SIB.
        let mode = if disp == 0 && base & 7 != 5 {
            0
        } else if i8::try_from(disp).is_ok() {
            1
        } else {
            2
        };
        self.ops.push(mode << 6 | (reg & 7) << 3 | (base & 7));
        if base & 7 == 4 {
            self.ops.push(0x24);
        }
        match mode {
            1 => self.ops.push(disp as i8 as u8),
            2 => self.ops.extend(disp.to_le_bytes()),
            _ => {}
        }
    }

    /// The same with a mandatory prefix (`F2` for scalar doubles) before
    /// the REX byte.
    fn prefixed_mem_op(&mut self, prefix: u8, wide: bool, opcode: &[u8], reg: u8, base: u8, disp: i32) {
        self.ops.push(prefix);
        self.mem_op(wide, opcode, reg, base, disp);
    }

    /// Emits `[REX] opcode ModRM` for a register-direct operand `rm` with
    /// the register operand (or opcode extension) `reg`.
    fn reg_op(&mut self, wide: bool, opcode: &[u8], reg: u8, rm: u8) {
        let rex = 0x40 | (wide as u8) << 3 | (reg >> 3) << 2 | (rm >> 3);
        if rex != 0x40 {
            self.ops.push(rex);
        }
        self.ops.extend(opcode.iter().copied());
        self.ops.push(0xc0 | (reg & 7) << 3 | (rm & 7));
    }

    /// An instruction with an immediate operand: `emit` writes its
    /// opcode (`short`, the 8-bit-immediate form, when `imm` fits a byte,
    /// else `long`) and operands, then the immediate follows.
    fn with_imm(&mut self, imm: i32, (short, long): (u8, u8), emit: impl FnOnce(&mut Self, u8)) {
        let byte = i8::try_from(imm).ok();
        emit(self, if byte.is_some() { short } else { long });
        match byte {
            Some(b) => self.ops.push(b as u8),
            None => self.ops.extend(imm.to_le_bytes()),
        }
    }

    /// A group-1 operation (`ext`: add 0, or 1, and 4, sub 5, xor 6, cmp 7)
    /// of register `rm` with an immediate.
    fn group1_imm(&mut self, wide: bool, ext: u8, rm: u8, imm: i32) {
        self.with_imm(imm, (0x83, 0x81), |s, op| s.reg_op(wide, &[op], ext, rm));
    }

    /// The same on memory `[base + disp]`.
    fn group1_imm_mem(&mut self, wide: bool, ext: u8, base: u8, disp: i32, imm: i32) {
        self.with_imm(imm, (0x83, 0x81), |s, op| s.mem_op(wide, &[op], ext, base, disp));
    }

    /// Loads C arguments into the argument registers. Sources never live in
    /// argument registers (see [`Reg`]), so the order of moves is free.
    fn set_args(&mut self, args: &[Arg]) {
        assert!(args.len() <= ARG_REGS.len(), "at most {} C arguments", ARG_REGS.len());
        for (arg, &dst) in args.iter().zip(ARG_REGS.iter()) {
            match *arg {
                Arg::Reg(r) => {
                    let src = source(r);
                    dynasm!(self.ops ; .arch x64 ; mov Rq(dst), Rq(src));
                }
                Arg::Imm(imm) => self.mov_imm_raw(dst, imm),
                Arg::Load(m) => self.mem_op(true, &[0x8b], dst, source(m.base), m.disp),
                Arg::Addr(m) => self.mem_op(true, &[0x8d], dst, source(m.base), m.disp),
            }
        }
    }

    fn mov_imm_raw(&mut self, dst: u8, imm: u64) {
        if imm <= u32::MAX as u64 {
            // A 32-bit move zero-extends into the full register (flags are
            // left alone: no `xor` for zero).
            if dst >= 8 {
                self.ops.push(0x41);
            }
            self.ops.push(0xb8 + (dst & 7));
            self.ops.extend((imm as u32).to_le_bytes());
        } else {
            dynasm!(self.ops ; .arch x64 ; mov Rq(dst), QWORD imm as i64);
        }
    }

    fn restore_callee_saved(&mut self) {
        dynasm!(self.ops
            ; .arch x64
            ; add rsp, 8
            ; pop r15
            ; pop r14
            ; pop r13
            ; pop r12
            ; pop rbx
            ; pop rbp
        );
    }
}

fn freg(r: FReg) -> u8 {
    match r {
        FReg::F0 => 0,
        FReg::F1 => 1,
        FReg::F2 => 2,
    }
}

/// A register usable as the source of a call argument.
fn source(r: Reg) -> u8 {
    let n = reg(r);
    assert!(!ARG_REGS.contains(&n), "{r:?} lives in an argument register");
    n
}

impl Masm for X64Masm {
    fn new_label(&mut self) -> Label {
        self.labels.push(self.ops.new_dynamic_label());
        Label(self.labels.len() - 1)
    }

    fn bind(&mut self, label: Label) {
        let l = self.label(label);
        dynasm!(self.ops ; .arch x64 ; =>l);
    }

    fn offset(&self) -> usize {
        self.ops.offset().0
    }

    fn prologue_with(&mut self, args: &[Reg]) {
        assert!(args.len() <= 4, "at most 4 arguments");
        dynasm!(self.ops
            ; .arch x64
            ; push rbp
            ; mov rbp, rsp
            ; push rbx
            ; push r12
            ; push r13
            ; push r14
            ; push r15
            ; sub rsp, 8
        );
        for (&r, &src) in args.iter().zip(ARG_REGS.iter()) {
            let d = source(r);
            dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(src));
        }
    }

    fn epilogue(&mut self) {
        self.restore_callee_saved();
        dynasm!(self.ops ; .arch x64 ; ret);
    }

    fn tail_call(&mut self, target: usize, args: &[Arg]) {
        self.set_args(args);
        self.restore_callee_saved();
        dynasm!(self.ops
            ; .arch x64
            ; mov r11, QWORD target as i64
            ; jmp r11
        );
    }

    fn store_stack_limit(&mut self, src: Reg) {
        self.mem_op(true, &[0x89], reg(src), RBP, STACK_LIMIT_SLOT);
    }

    fn branch_stack_low(&mut self, target: Label) {
        self.mem_op(true, &[0x3b], 4, RBP, STACK_LIMIT_SLOT);
        let l = self.label(target);
        dynasm!(self.ops ; .arch x64 ; jb =>l);
    }

    fn enter_with(&mut self, args: &[Reg]) {
        assert!(args.len() <= 4, "at most 4 arguments");
        dynasm!(self.ops ; .arch x64 ; push rbx);
        for (&r, &src) in args.iter().zip(ARG_REGS.iter()) {
            let d = source(r);
            dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(src));
        }
    }

    fn leave(&mut self) {
        dynasm!(self.ops ; .arch x64 ; pop rbx ; ret);
    }

    fn leave_to(&mut self, target: usize, args: &[Arg]) {
        self.set_args(args);
        dynasm!(self.ops
            ; .arch x64
            ; pop rbx
            ; mov r11, QWORD target as i64
            ; jmp r11
        );
    }

    fn ret(&mut self) {
        dynasm!(self.ops ; .arch x64 ; ret);
    }

    fn jump_to(&mut self, target: usize, args: &[Arg]) {
        self.set_args(args);
        dynasm!(self.ops
            ; .arch x64
            ; mov r11, QWORD target as i64
            ; jmp r11
        );
    }

    fn call_label(&mut self, target: Label, args: &[Arg]) {
        self.set_args(args);
        let l = self.label(target);
        dynasm!(self.ops ; .arch x64 ; call =>l);
    }

    fn cmp_sp(&mut self, b: Operand) {
        match b {
            Operand::Reg(r) => {
                let r = reg(r);
                dynasm!(self.ops ; .arch x64 ; cmp rsp, Rq(r));
            }
            Operand::Imm(imm) => dynasm!(self.ops ; .arch x64 ; cmp rsp, imm),
            Operand::Mem(m) => self.mem_op(true, &[0x3b], 4, reg(m.base), m.disp),
        }
    }

    fn call(&mut self, target: usize, args: &[Arg]) {
        self.set_args(args);
        dynasm!(self.ops
            ; .arch x64
            ; mov r11, QWORD target as i64
            ; call r11
        );
    }

    fn mov(&mut self, dst: Reg, src: Reg) {
        let (d, s) = (reg(dst), reg(src));
        dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(s));
    }

    fn mov_imm(&mut self, dst: Reg, imm: u64) {
        self.mov_imm_raw(reg(dst), imm);
    }

    fn load(&mut self, dst: Reg, src: Mem) {
        self.mem_op(true, &[0x8b], reg(dst), reg(src.base), src.disp);
    }

    fn load_u8(&mut self, dst: Reg, src: Mem) {
        self.mem_op(false, &[0x0f, 0xb6], reg(dst), reg(src.base), src.disp);
    }

    fn load_i32(&mut self, dst: Reg, src: Mem) {
        self.mem_op(true, &[0x63], reg(dst), reg(src.base), src.disp);
    }

    fn store(&mut self, dst: Mem, src: Reg) {
        self.mem_op(true, &[0x89], reg(src), reg(dst.base), dst.disp);
    }

    fn store_imm(&mut self, dst: Mem, imm: i32) {
        self.mem_op(true, &[0xc7], 0, reg(dst.base), dst.disp);
        self.ops.extend(imm.to_le_bytes());
    }

    fn store_i32(&mut self, dst: Mem, src: Reg) {
        self.mem_op(false, &[0x89], reg(src), reg(dst.base), dst.disp);
    }

    fn store_i32_imm(&mut self, dst: Mem, imm: i32) {
        self.mem_op(false, &[0xc7], 0, reg(dst.base), dst.disp);
        self.ops.extend(imm.to_le_bytes());
    }

    fn add_i32_mem(&mut self, dst: Mem, imm: i32) {
        self.group1_imm_mem(false, 0, reg(dst.base), dst.disp, imm);
    }

    fn incref(&mut self, obj: Reg) {
        self.mem_op(true, &[0xff], 0, reg(obj), 0);
    }

    fn decref_branch_zero(&mut self, obj: Reg, dealloc: Label) {
        let l = self.label(dealloc);
        self.mem_op(true, &[0xff], 1, reg(obj), 0);
        dynasm!(self.ops ; .arch x64 ; jz =>l);
    }

    fn decref_no_dealloc(&mut self, obj: Reg) {
        self.mem_op(true, &[0xff], 1, reg(obj), 0);
    }

    fn cmp(&mut self, a: Reg, b: Operand) {
        let a = reg(a);
        match b {
            Operand::Reg(r) => {
                let r = reg(r);
                dynasm!(self.ops ; .arch x64 ; cmp Rq(a), Rq(r));
            }
            Operand::Imm(imm) => self.group1_imm(true, 7, a, imm),
            Operand::Mem(m) => self.mem_op(true, &[0x3b], a, reg(m.base), m.disp),
        }
    }

    fn cmp_u8_mem(&mut self, a: Mem, imm: u8) {
        self.mem_op(false, &[0x80], 7, reg(a.base), a.disp);
        self.ops.push(imm);
    }

    fn cmp_mem_imm(&mut self, a: Mem, imm: i32) {
        self.group1_imm_mem(true, 7, reg(a.base), a.disp, imm);
    }

    fn cmp_i32_mem(&mut self, a: Mem, imm: i32) {
        self.group1_imm_mem(false, 7, reg(a.base), a.disp, imm);
    }

    fn cmp_i32(&mut self, a: Reg, imm: i32) {
        self.group1_imm(false, 7, reg(a), imm);
    }

    fn test(&mut self, a: Reg) {
        let a = reg(a);
        dynasm!(self.ops ; .arch x64 ; test Rq(a), Rq(a));
    }

    fn branch(&mut self, cond: Cond, target: Label) {
        let l = self.label(target);
        match cond {
            Cond::Eq => dynasm!(self.ops ; .arch x64 ; je =>l),
            Cond::Ne => dynasm!(self.ops ; .arch x64 ; jne =>l),
            Cond::Lt => dynasm!(self.ops ; .arch x64 ; jl =>l),
            Cond::Le => dynasm!(self.ops ; .arch x64 ; jle =>l),
            Cond::Gt => dynasm!(self.ops ; .arch x64 ; jg =>l),
            Cond::Ge => dynasm!(self.ops ; .arch x64 ; jge =>l),
            Cond::Below => dynasm!(self.ops ; .arch x64 ; jb =>l),
            Cond::BelowEq => dynasm!(self.ops ; .arch x64 ; jbe =>l),
            Cond::Above => dynasm!(self.ops ; .arch x64 ; ja =>l),
            Cond::AboveEq => dynasm!(self.ops ; .arch x64 ; jae =>l),
            Cond::Overflow => dynasm!(self.ops ; .arch x64 ; jo =>l),
            Cond::Unordered => dynasm!(self.ops ; .arch x64 ; jp =>l),
        }
    }

    fn jump(&mut self, target: Label) {
        let l = self.label(target);
        dynasm!(self.ops ; .arch x64 ; jmp =>l);
    }

    fn alu(&mut self, op: Alu, dst: Reg, src: Operand) {
        let d = reg(dst);
        match (op, src) {
            (Alu::Add, Operand::Reg(r)) => { let r = reg(r); dynasm!(self.ops ; .arch x64 ; add Rq(d), Rq(r)) }
            (Alu::Sub, Operand::Reg(r)) => { let r = reg(r); dynasm!(self.ops ; .arch x64 ; sub Rq(d), Rq(r)) }
            (Alu::Mul, Operand::Reg(r)) => { let r = reg(r); dynasm!(self.ops ; .arch x64 ; imul Rq(d), Rq(r)) }
            (Alu::And, Operand::Reg(r)) => { let r = reg(r); dynasm!(self.ops ; .arch x64 ; and Rq(d), Rq(r)) }
            (Alu::Or, Operand::Reg(r)) => { let r = reg(r); dynasm!(self.ops ; .arch x64 ; or Rq(d), Rq(r)) }
            (Alu::Xor, Operand::Reg(r)) => { let r = reg(r); dynasm!(self.ops ; .arch x64 ; xor Rq(d), Rq(r)) }
            (Alu::Mul, Operand::Imm(i)) => self.with_imm(i, (0x6b, 0x69), |s, op| s.reg_op(true, &[op], d, d)),
            (op, Operand::Imm(i)) => {
                let ext = match op {
                    Alu::Add => 0,
                    Alu::Or => 1,
                    Alu::And => 4,
                    Alu::Sub => 5,
                    Alu::Xor => 6,
                    Alu::Mul => unreachable!("handled above"),
                };
                self.group1_imm(true, ext, d, i);
            }
            (op, Operand::Mem(m)) => {
                let opcode: &[u8] = match op {
                    Alu::Add => &[0x03],
                    Alu::Sub => &[0x2b],
                    Alu::Mul => &[0x0f, 0xaf],
                    Alu::And => &[0x23],
                    Alu::Or => &[0x0b],
                    Alu::Xor => &[0x33],
                };
                self.mem_op(true, opcode, d, reg(m.base), m.disp);
            }
        }
    }

    fn neg(&mut self, dst: Reg) {
        let d = reg(dst);
        dynasm!(self.ops ; .arch x64 ; neg Rq(d));
    }

    fn divmod(&mut self, divisor: Reg) {
        let d = reg(divisor);
        assert!(d != RAX && d != RDX, "divisor in rax or rdx");
        dynasm!(self.ops ; .arch x64 ; cqo ; idiv Rq(d));
    }

    fn sar(&mut self, dst: Reg, n: u8) {
        let d = reg(dst);
        dynasm!(self.ops ; .arch x64 ; sar Rq(d), n as i8);
    }

    fn shl(&mut self, dst: Reg, n: u8) {
        let d = reg(dst);
        dynasm!(self.ops ; .arch x64 ; shl Rq(d), n as i8);
    }

    fn lea(&mut self, dst: Reg, mem: Mem) {
        self.mem_op(true, &[0x8d], reg(dst), reg(mem.base), mem.disp);
    }

    fn load_indexed(&mut self, dst: Reg, base: Reg, index: Reg, disp: i32) {
        let (d, b, i) = (reg(dst), reg(base), reg(index));
        dynasm!(self.ops ; .arch x64 ; mov Rq(d), [Rq(b) + Rq(i) * 8 + disp]);
    }

    fn store_indexed(&mut self, base: Reg, index: Reg, disp: i32, src: Reg) {
        let (s, b, i) = (reg(src), reg(base), reg(index));
        dynasm!(self.ops ; .arch x64 ; mov [Rq(b) + Rq(i) * 8 + disp], Rq(s));
    }

    fn load_u32(&mut self, dst: Reg, src: Mem) {
        self.mem_op(false, &[0x8b], reg(dst), reg(src.base), src.disp);
    }

    fn store_u8_imm(&mut self, dst: Mem, imm: u8) {
        self.mem_op(false, &[0xc6], 0, reg(dst.base), dst.disp);
        self.ops.push(imm);
    }

    fn load_u16(&mut self, dst: Reg, src: Mem) {
        self.mem_op(false, &[0x0f, 0xb7], reg(dst), reg(src.base), src.disp);
    }

    fn call_indirect(&mut self, target: Mem, args: &[Arg]) {
        // The target is read before the arguments are set, in case its
        // base is an argument's source.
        self.mem_op(true, &[0x8b], 11, reg(target.base), target.disp);
        self.set_args(args);
        dynasm!(self.ops ; .arch x64 ; call r11);
    }

    fn load_f64(&mut self, dst: FReg, src: Mem) {
        self.prefixed_mem_op(0xf2, false, &[0x0f, 0x10], freg(dst), reg(src.base), src.disp);
    }

    fn store_f64(&mut self, dst: Mem, src: FReg) {
        self.prefixed_mem_op(0xf2, false, &[0x0f, 0x11], freg(src), reg(dst.base), dst.disp);
    }

    fn fop(&mut self, op: FOp, dst: FReg, src: FReg) {
        let (d, s) = (freg(dst), freg(src));
        match op {
            FOp::Add => dynasm!(self.ops ; .arch x64 ; addsd Rx(d), Rx(s)),
            FOp::Sub => dynasm!(self.ops ; .arch x64 ; subsd Rx(d), Rx(s)),
            FOp::Mul => dynasm!(self.ops ; .arch x64 ; mulsd Rx(d), Rx(s)),
            FOp::Div => dynasm!(self.ops ; .arch x64 ; divsd Rx(d), Rx(s)),
        }
    }

    fn cmp_f64(&mut self, a: FReg, b: FReg) {
        let (a, b) = (freg(a), freg(b));
        dynasm!(self.ops ; .arch x64 ; ucomisd Rx(a), Rx(b));
    }

    fn int_to_f64(&mut self, dst: FReg, src: Reg) {
        let (d, s) = (freg(dst), reg(src));
        dynasm!(self.ops ; .arch x64 ; cvtsi2sd Rx(d), Rq(s));
    }

    fn finish(self) -> Result<Vec<u8>, AsmError> {
        self.ops.finalize().map_err(|e| AsmError(format!("{e:?}")))
    }
}
