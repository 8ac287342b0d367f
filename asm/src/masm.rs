//! The architecture-neutral macro-assembler interface the compiler emits
//! through. Each instruction set implements [`Masm`] with small templates;
//! the compiler never names a machine register or encoding.
//!
//! Registers are abstract roles. `Frame`, `Tstate` and `CFrame` are pinned
//! for the whole function and survive calls, as do `Saved0`/`Saved1`;
//! `Tmp*` are clobbered by every call. `Ret` holds a call's result and is
//! the same register as `Tmp0`.

/// An abstract register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reg {
    /// The interpreter frame being executed.
    Frame,
    /// The thread state.
    Tstate,
    /// The thread's current C frame (`tstate->cframe`).
    CFrame,
    /// Scratch registers, clobbered by calls. `Tmp0` is also the return
    /// register. `Tmp2` and `Tmp3` must not be used as call arguments.
    Tmp0,
    Tmp1,
    Tmp2,
    Tmp3,
    /// Callee-saved scratch registers, preserved across calls.
    Saved0,
    Saved1,
}

impl Reg {
    /// The register a call returns its result in.
    pub const RET: Reg = Reg::Tmp0;
}

/// A memory operand `[base + disp]` (64-bit unless an access says otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mem {
    pub base: Reg,
    pub disp: i32,
}

impl Mem {
    pub const fn new(base: Reg, disp: i32) -> Mem {
        Mem { base, disp }
    }
}

/// An argument of a C call, in C-argument order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    Reg(Reg),
    Imm(u64),
    /// The value loaded from memory.
    Load(Mem),
    /// The address of a memory operand.
    Addr(Mem),
}

/// Branch conditions after [`Masm::cmp`], [`Masm::test`], arithmetic, or
/// [`Masm::cmp_f64`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    Eq,
    Ne,
    /// Signed comparisons.
    Lt,
    Le,
    Gt,
    Ge,
    /// Unsigned comparisons (also the float comparisons after `cmp_f64`).
    Below,
    BelowEq,
    Above,
    AboveEq,
    /// Signed overflow of the last arithmetic operation.
    Overflow,
    /// After `cmp_f64`: an operand was NaN.
    Unordered,
}

/// An abstract double-precision floating-point register (scratch,
/// clobbered by calls).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FReg {
    /// Also the first floating-point argument and result of a C call.
    F0,
    F1,
    F2,
}

/// Integer arithmetic and logic operations of [`Masm::alu`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alu {
    Add,
    Sub,
    /// Signed multiply (low 64 bits; overflow flag on signed overflow).
    Mul,
    And,
    Or,
    Xor,
}

/// Double-precision operations of [`Masm::fop`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// The right-hand side of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    Reg(Reg),
    Imm(i32),
    Mem(Mem),
}

/// A position in the code being assembled, bound once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub(crate) usize);

/// Assembling failed (a label used but never bound, or similar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsmError(pub String);

impl std::fmt::Display for AsmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Emits machine code for one function. The code is position-independent:
/// branches are relative and external targets are absolute immediates, so
/// the finished bytes may be copied anywhere.
pub trait Masm {
    /// A new, unbound label.
    fn new_label(&mut self) -> Label;
    /// Binds `label` to the current position.
    fn bind(&mut self, label: Label);
    /// Bytes emitted so far.
    fn offset(&self) -> usize;

    /// Entry of a function called from C, of `args.len()` (at most 4)
    /// pointer arguments: saves callee-saved registers, aligns the stack
    /// with one word reserved for [`Masm::store_stack_limit`], and moves
    /// the arguments into `args`, which must not be `Tmp2` or `Tmp3`.
    fn prologue_with(&mut self, args: &[Reg]);
    /// Restores what [`Masm::prologue_with`] saved and returns `Ret`.
    fn epilogue(&mut self);
    /// Restores what the prologue saved and jumps to `target` with `args`,
    /// so that `target`'s result is returned to our caller.
    fn tail_call(&mut self, target: usize, args: &[Arg]);
    /// Records the lowest stack address native code may run at in the
    /// word the C entry's prologue reserved. Native code between a C entry
    /// and the C functions it calls shares that entry's record.
    fn store_stack_limit(&mut self, src: Reg);
    /// Branches to `target` if the stack pointer is below the recorded
    /// limit.
    fn branch_stack_low(&mut self, target: Label);

    /// Entry of a function of the internal convention, called from native
    /// code (or from a C entry) with the stack aligned as for a C call:
    /// `Tstate`, `CFrame` and the C entry's stack-limit record are the
    /// caller's, `Frame` is saved here and restored by [`Masm::leave`],
    /// every other register may be clobbered. The first `args.len()` (at
    /// most 4) C argument registers are moved into `args`, which must not
    /// be `Tmp2` or `Tmp3`.
    fn enter_with(&mut self, args: &[Reg]);
    /// Restores `Frame` and returns `Ret` to an internal caller.
    fn leave(&mut self);
    /// Restores `Frame` and jumps to the C function `target` with `args`,
    /// whose result is returned to our internal caller.
    fn leave_to(&mut self, target: usize, args: &[Arg]);
    /// Calls the function at `target` in this code; result in [`Reg::RET`].
    fn call_label(&mut self, target: Label, args: &[Arg]);
    /// Returns from a routine entered by [`Masm::call_label`] that saved
    /// nothing.
    fn ret(&mut self);
    /// Jumps to the C function `target` with `args`, which returns to our
    /// caller (a tail call from a routine that saved nothing).
    fn jump_to(&mut self, target: usize, args: &[Arg]);
    /// Compares the machine stack pointer with `b` (for `Below` etc.).
    fn cmp_sp(&mut self, b: Operand);
    /// Calls the C function at `target`; the result is in [`Reg::RET`].
    fn call(&mut self, target: usize, args: &[Arg]);

    fn mov(&mut self, dst: Reg, src: Reg);
    fn mov_imm(&mut self, dst: Reg, imm: u64);
    /// 64-bit load.
    fn load(&mut self, dst: Reg, src: Mem);
    /// Zero-extending 8-bit load.
    fn load_u8(&mut self, dst: Reg, src: Mem);
    /// Sign-extending 32-bit load.
    fn load_i32(&mut self, dst: Reg, src: Mem);
    /// 64-bit store.
    fn store(&mut self, dst: Mem, src: Reg);
    /// 64-bit store of a sign-extended 32-bit immediate.
    fn store_imm(&mut self, dst: Mem, imm: i32);
    /// 32-bit store.
    fn store_i32(&mut self, dst: Mem, src: Reg);
    /// 32-bit store of an immediate.
    fn store_i32_imm(&mut self, dst: Mem, imm: i32);
    /// Adds `imm` to a 32-bit integer in memory, setting the flags as
    /// [`Masm::alu`] does (`Lt` after it: the result is negative).
    fn add_i32_mem(&mut self, dst: Mem, imm: i32);

    /// `Py_INCREF(obj)`: increments the 64-bit count at `[obj + 0]`.
    fn incref(&mut self, obj: Reg);
    /// Decrements the count at `[obj + 0]` and branches to `dealloc` if it
    /// reached zero (the caller emits the out-of-line `_Py_Dealloc` call).
    fn decref_branch_zero(&mut self, obj: Reg, dealloc: Label);

    /// Decrements the count at `[obj + 0]` of an object known to stay
    /// alive (`_Py_DECREF_NO_DEALLOC`).
    fn decref_no_dealloc(&mut self, obj: Reg);

    /// 64-bit compare of `a` with `b`, for a following [`Masm::branch`].
    fn cmp(&mut self, a: Reg, b: Operand);
    /// 8-bit compare of memory with an immediate.
    fn cmp_u8_mem(&mut self, a: Mem, imm: u8);
    /// 32-bit compare of memory with an immediate.
    fn cmp_i32_mem(&mut self, a: Mem, imm: i32);
    /// 64-bit compare of memory with a sign-extended 32-bit immediate.
    fn cmp_mem_imm(&mut self, a: Mem, imm: i32);
    /// 32-bit compare of `a` with an immediate.
    fn cmp_i32(&mut self, a: Reg, imm: i32);
    /// Sets flags from `a & a`: `Eq` after it means zero.
    fn test(&mut self, a: Reg);
    fn branch(&mut self, cond: Cond, target: Label);
    fn jump(&mut self, target: Label);

    /// `dst = dst <op> src`, 64-bit, setting the flags (and `Overflow`).
    fn alu(&mut self, op: Alu, dst: Reg, src: Operand);
    /// `dst = -dst`, 64-bit (`Overflow` for the most negative value).
    fn neg(&mut self, dst: Reg);
    /// Truncating signed division of `Tmp0` by `divisor`: the quotient in
    /// `Tmp0`, the remainder in `Tmp3`. `divisor` is neither of those and
    /// must not be zero, nor -1 with `Tmp0` the most negative value.
    fn divmod(&mut self, divisor: Reg);
    /// Arithmetic shift right by `n` bits.
    fn sar(&mut self, dst: Reg, n: u8);
    /// Shift left by `n` bits.
    fn shl(&mut self, dst: Reg, n: u8);
    /// `dst = &mem`.
    fn lea(&mut self, dst: Reg, mem: Mem);
    /// 64-bit load of `[base + index * 8 + disp]`.
    fn load_indexed(&mut self, dst: Reg, base: Reg, index: Reg, disp: i32);
    /// 64-bit store to `[base + index * 8 + disp]`.
    fn store_indexed(&mut self, base: Reg, index: Reg, disp: i32, src: Reg);
    /// Zero-extending 32-bit load.
    fn load_u32(&mut self, dst: Reg, src: Mem);
    /// Stores a byte.
    fn store_u8_imm(&mut self, dst: Mem, imm: u8);
    /// Loads a zero-extended 16-bit word.
    fn load_u16(&mut self, dst: Reg, src: Mem);
    /// Calls the C function whose address is in `[target]`.
    fn call_indirect(&mut self, target: Mem, args: &[Arg]);

    /// Loads a double.
    fn load_f64(&mut self, dst: FReg, src: Mem);
    /// Stores a double.
    fn store_f64(&mut self, dst: Mem, src: FReg);
    /// `dst = dst <op> src`.
    fn fop(&mut self, op: FOp, dst: FReg, src: FReg);
    /// Compares doubles; branch with `Below`/`BelowEq`/`Above`/`AboveEq`/
    /// `Eq`/`Ne` (all false when `Unordered` but `Ne`, which is then taken
    /// only through an explicit `Unordered` branch first).
    fn cmp_f64(&mut self, a: FReg, b: FReg);
    /// Converts a 64-bit integer to a double.
    fn int_to_f64(&mut self, dst: FReg, src: Reg);

    /// Finishes the function: resolves labels and returns the bytes.
    fn finish(self) -> Result<Vec<u8>, AsmError>;
}
