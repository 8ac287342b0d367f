//! The entries of a compiled function besides its body.
//!
//! * The C entry, `PyObject *(frame, tstate, stack_limit)`, at offset 0:
//!   what the hook calls to run a frame `_PyEval_Vector` pushed. It saves
//!   the C callee-saved registers, records the thread's stack limit for
//!   the native code below it, and calls the body.
//! * The frame entry, of the internal convention (see `Masm::enter_with`),
//!   `(func, args, nargs)`: what compiled callers call. It does what
//!   `_PyFunction_Vectorcall` → `_PyEval_Vector` do for an exact
//!   positional call — push a frame on the thread's data stack, initialise
//!   it as `_PyFrame_InitializeSpecials` does, run it (the body), clear and
//!   pop it — without the hook, without `_PyEval_Vector`, and with a few
//!   words of C stack per Python call. The frame takes over the caller's
//!   references to the function and the arguments. Anything it does not
//!   handle (another evaluator installed, a wrong argument count, a low C
//!   stack, a full data-stack chunk) makes the stock call and then releases
//!   what it was given. The caller has compared the function's code and
//!   knows that tracing is off.
//! * The vectorcall entry, `vectorcallfunc`, reached through the function
//!   object's `vectorcall` slot (see `runtime::calls::vectorcall_dispatch`)
//!   from C: checks what the frame entry leaves to its callers (keywords,
//!   the code, tracing, the thread's stack), counts references to the
//!   function and arguments, and calls the frame entry. Anything else goes
//!   to `_PyFunction_Vectorcall` with the arguments untouched.

use super::frames::{Args, Caller};
use super::Gen;
use crate::cpython::api;
use crate::cpython::layout::ThreadState;
use crate::runtime::frames;
use diojit_asm::{Arg, Cond, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi::PyFunctionObject;
use std::mem::offset_of;

use super::T_CFRAME;
const FUNC_CODE: i32 = offset_of!(PyFunctionObject, func_code) as i32;
const T_ID: i32 = offset_of!(ThreadState, id) as i32;
/// `PY_VECTORCALL_ARGUMENTS_OFFSET`, the flag bit of `nargsf`.
const ARGUMENTS_OFFSET_BIT: u8 = 63;

/// What the entries need to know about their code object.
pub struct EntryInfo {
    pub argcount: u32,
    pub nlocalsplus: u32,
    pub stacksize: u32,
    /// Address of the code state's call counter.
    pub calls_counter: u64,
    /// Address of the interpreter's `eval_frame` field.
    pub eval_frame_slot: u64,
    /// `CodeState::warm_recompile_at` when compiled.
    pub warm_recompile_at: u64,
}

/// Offsets of the entries besides the C entry in the generated code.
pub struct Entries {
    pub vectorcall: u32,
    pub frame: u32,
}

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// The C entry, `(frame, tstate, stack_limit)`, running the body.
    pub(super) fn c_entry(&mut self, body: Label) {
        self.m.prologue_with(&[Reg::Saved0, Reg::Tstate, Reg::Saved1]);
        self.m.store_stack_limit(Reg::Saved1);
        self.m.load(Reg::CFrame, Mem::new(Reg::Tstate, T_CFRAME));
        self.m.call_label(body, &[Arg::Reg(Reg::Saved0)]);
        self.m.epilogue();
    }

    /// Emits the frame entry and the vectorcall entry, both running the
    /// body at `body`.
    pub(super) fn call_entries(&mut self, info: &EntryInfo, body: Label) -> Entries {
        let frame_entry = self.m.new_label();
        let frame = self.m.offset() as u32;
        self.frame_entry(info, body, frame_entry);
        let vectorcall = self.m.offset() as u32;
        self.vectorcall_entry(info, frame_entry);
        self.emit_releases();
        Entries { vectorcall, frame }
    }

    /// The frame entry (bound to `label`).
    fn frame_entry(&mut self, info: &EntryInfo, body: Label, label: Label) {
        let bail = self.m.new_label();
        self.m.bind(label);
        // Saved0 = func, Saved1 = args, Frame = nargs until the frame is
        // pushed: everything a bail needs stays intact.
        self.m.enter_with(&[Reg::Saved0, Reg::Saved1, Reg::Frame]);
        self.m.cmp(Reg::Frame, Operand::Imm(info.argcount as i32));
        self.m.branch(Cond::Ne, bail);
        if info.warm_recompile_at != 0 {
            // The call that makes the function warm goes through the hook,
            // which compiles it again.
            self.m.mov_imm(Reg::Tmp0, info.calls_counter);
            self.m.cmp_mem_imm(Mem::new(Reg::Tmp0, 0), info.warm_recompile_at as i32 - 1);
            self.m.branch(Cond::Ge, bail);
        }
        let evaluator = self.evaluator_check(info);
        self.m.branch_stack_low(bail);
        self.push_frame(info, Reg::Frame, bail);
        self.init_frame(info, Reg::Frame, Reg::Saved0, Args::Array(Reg::Saved1), Caller::Any);
        // The body preserves `Frame`: the frame is still at hand after it.
        self.m.call_label(body, &[Arg::Reg(Reg::Frame)]);
        // The body returned (and unlinked the frame): clear it and pop it.
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.clear_frame(info, Reg::Frame, Caller::Any);
        self.m.mov(Reg::Tmp0, Reg::Saved1);
        self.m.leave();
        self.evaluator_slow(evaluator, bail);
        // Not handled here: the stock call, then the release of what was
        // handed over.
        self.m.bind(bail);
        self.m.leave_to(
            frames::vectorcall_owned as *const () as usize,
            &[Arg::Reg(Reg::Saved0), Arg::Reg(Reg::Saved1), Arg::Reg(Reg::Frame)],
        );
    }

    /// The vectorcall entry, calling the frame entry at `frame_entry`.
    fn vectorcall_entry(&mut self, info: &EntryInfo, frame_entry: Label) {
        let code = self.ctx.code as u64;
        let bail = self.m.new_label();
        // Saved0 = func, Saved1 = args, Frame = nargsf, CFrame = kwnames
        // until the checks pass: a bail hands them on untouched.
        self.m.prologue_with(&[Reg::Saved0, Reg::Saved1, Reg::Frame, Reg::CFrame]);
        self.m.test(Reg::CFrame);
        self.m.branch(Cond::Ne, bail);
        self.nargs_check(info, bail);
        self.m.mov_imm(Reg::Tmp1, code);
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Saved0, FUNC_CODE)));
        self.m.branch(Cond::Ne, bail);
        let evaluator = self.evaluator_check(info);
        match api::tstate_current_address() {
            Some(current) => {
                self.m.mov_imm(Reg::Tmp0, current as u64);
                self.m.load(Reg::Tstate, Mem::new(Reg::Tmp0, 0));
            }
            None => {
                self.m.call(api::_PyThreadState_UncheckedGet as *const () as usize, &[]);
                self.m.mov(Reg::Tstate, Reg::Tmp0);
            }
        }
        self.tracing_bail(bail);
        // The C stack of this thread (the hook keeps the limit of the
        // thread it last saw; any other thread goes through the hook).
        let (id, limit) = crate::stack_guard::cache_addresses();
        self.m.mov_imm(Reg::Tmp1, id as u64);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, 0));
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Tstate, T_ID)));
        self.m.branch(Cond::Ne, bail);
        self.m.mov_imm(Reg::Tmp1, limit as u64);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, 0));
        self.m.store_stack_limit(Reg::Tmp0);
        self.m.branch_stack_low(bail);
        self.m.load(Reg::CFrame, Mem::new(Reg::Tstate, T_CFRAME));
        // The frame entry takes over references to the function and the
        // arguments.
        self.m.incref(Reg::Saved0);
        for i in 0..info.argcount {
            self.m.load(Reg::Tmp0, Mem::new(Reg::Saved1, 8 * i as i32));
            self.m.incref(Reg::Tmp0);
        }
        self.m.call_label(
            frame_entry,
            &[Arg::Reg(Reg::Saved0), Arg::Reg(Reg::Saved1), Arg::Imm(info.argcount as u64)],
        );
        self.m.epilogue();
        self.evaluator_slow(evaluator, bail);
        self.m.bind(bail);
        self.m.tail_call(
            api::_PyFunction_Vectorcall as *const () as usize,
            &[Arg::Reg(Reg::Saved0), Arg::Reg(Reg::Saved1), Arg::Reg(Reg::Frame), Arg::Reg(Reg::CFrame)],
        );
    }

    /// Branches to `bail` unless `nargsf` (in `Frame`) is exactly
    /// `co_argcount` arguments (the flag bit shifted out).
    fn nargs_check(&mut self, info: &EntryInfo, bail: Label) {
        self.m.mov(Reg::Tmp0, Reg::Frame);
        self.m.shl(Reg::Tmp0, 64 - ARGUMENTS_OFFSET_BIT);
        self.m.cmp(Reg::Tmp0, Operand::Imm((info.argcount << 1) as i32));
        self.m.branch(Cond::Ne, bail);
    }

    /// Branches to `bail` unless our evaluator is installed, or none while
    /// the JIT is on (a deep recursion runs inlined): any other evaluator
    /// must see the call. The second case is checked out of line, by the
    /// code [`Gen::evaluator_slow`] emits at the label returned.
    pub(super) fn evaluator_check(&mut self, info: &EntryInfo) -> (Label, Label) {
        let (other, back) = (self.m.new_label(), self.m.new_label());
        self.m.mov_imm(Reg::Tmp1, info.eval_frame_slot);
        self.m.mov_imm(Reg::Tmp0, crate::hook::eval_frame as *const () as u64);
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Tmp1, 0)));
        self.m.branch(Cond::Ne, other);
        self.m.bind(back);
        (other, back)
    }

    /// The out-of-line half of [`Gen::evaluator_check`].
    pub(super) fn evaluator_slow(&mut self, (other, back): (Label, Label), bail: Label) {
        self.m.bind(other);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp1, 0));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Ne, bail);
        self.m.mov_imm(Reg::Tmp0, crate::hook::enabled_flag_address() as u64);
        self.m.load_u8(Reg::Tmp0, Mem::new(Reg::Tmp0, 0));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, bail);
        self.m.jump(back);
    }

    /// No native code while tracing or profiling.
    fn tracing_bail(&mut self, bail: Label) {
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tstate, T_CFRAME));
        self.m.cmp_u8_mem(Mem::new(Reg::Tmp0, 0), 0);
        self.m.branch(Cond::Ne, bail);
    }

    fn emit_releases(&mut self) {
        for (dealloc, back) in std::mem::take(&mut self.releases) {
            self.m.bind(dealloc);
            self.dealloc(Reg::Tmp1);
            self.m.jump(back);
        }
    }
}

/// Whether a code object's frames can be pushed by native code (the
/// frame and vectorcall entries, self calls): a plain function (not a
/// generator), all of whose parameters are positional.
pub fn has_vectorcall_entry(flags: i32, kwonlyargcount: i32) -> bool {
    use crate::cpython::layout::CO_SUSPENDABLE;
    const CO_OPTIMIZED: i32 = 0x1;
    const CO_NEWLOCALS: i32 = 0x2;
    const CO_VARARGS: i32 = 0x4;
    const CO_VARKEYWORDS: i32 = 0x8;
    flags & (CO_OPTIMIZED | CO_NEWLOCALS) == CO_OPTIMIZED | CO_NEWLOCALS
        && flags & (CO_VARARGS | CO_VARKEYWORDS | CO_SUSPENDABLE) == 0
        && kwonlyargcount == 0
}
