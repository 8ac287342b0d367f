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

use super::Gen;
use crate::cpython::api;
use crate::cpython::layout::{InterpreterFrame, ThreadState, FRAME_OWNED_BY_THREAD};
use crate::runtime::frames;
use diojit_asm::{Arg, Cond, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi::PyFunctionObject;
use std::mem::offset_of;

use super::{F_BUILTINS, F_FRAME_OBJ, F_GLOBALS, F_LOCALSPLUS, F_PREV_INSTR, F_STACKTOP, T_CFRAME};
const F_FUNC: i32 = offset_of!(InterpreterFrame, f_func) as i32;
const F_LOCALS: i32 = offset_of!(InterpreterFrame, f_locals) as i32;
const F_CODE: i32 = offset_of!(InterpreterFrame, f_code) as i32;
const F_IS_ENTRY: i32 = offset_of!(InterpreterFrame, is_entry) as i32;
const FUNC_CODE: i32 = offset_of!(PyFunctionObject, func_code) as i32;
const FUNC_GLOBALS: i32 = offset_of!(PyFunctionObject, func_globals) as i32;
const FUNC_BUILTINS: i32 = offset_of!(PyFunctionObject, func_builtins) as i32;
const T_ID: i32 = offset_of!(ThreadState, id) as i32;
const T_DATASTACK_TOP: i32 = offset_of!(ThreadState, datastack_top) as i32;
const T_DATASTACK_LIMIT: i32 = offset_of!(ThreadState, datastack_limit) as i32;
/// `FRAME_SPECIALS_SIZE`: the frame header, in words.
const FRAME_SPECIALS_SIZE: u32 = (F_LOCALSPLUS / 8) as u32;
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
        let code = self.ctx.code as u64;
        let (bail, clear_slow, pop) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.m.bind(label);
        // Saved0 = func, Saved1 = args, Frame = nargs until the frame is
        // pushed: everything a bail needs stays intact.
        self.m.enter_with(&[Reg::Saved0, Reg::Saved1, Reg::Frame]);
        self.m.cmp(Reg::Frame, Operand::Imm(info.argcount as i32));
        self.m.branch(Cond::Ne, bail);
        let evaluator = self.evaluator_check(info);
        self.m.branch_stack_low(bail);
        // Push the frame if it fits the current data-stack chunk (a NULL
        // top has a NULL limit, so it never fits).
        let words = info.nlocalsplus + info.stacksize + FRAME_SPECIALS_SIZE;
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tstate, T_DATASTACK_TOP));
        self.m.lea(Reg::Tmp1, Mem::new(Reg::Tmp0, (words * 8) as i32));
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tstate, T_DATASTACK_LIMIT)));
        self.m.branch(Cond::AboveEq, bail);
        self.m.store(Mem::new(Reg::Tstate, T_DATASTACK_TOP), Reg::Tmp1);
        self.m.mov(Reg::Frame, Reg::Tmp0);
        // _PyFrame_InitializeSpecials; the frame owns func and code.
        let fr = |d: i32| Mem::new(Reg::Frame, d);
        self.m.store(fr(F_FUNC), Reg::Saved0);
        self.m.mov_imm(Reg::Tmp0, code);
        self.m.incref(Reg::Tmp0);
        self.m.store(fr(F_CODE), Reg::Tmp0);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, FUNC_BUILTINS));
        self.m.store(fr(F_BUILTINS), Reg::Tmp0);
        self.m.load(Reg::Tmp0, Mem::new(Reg::Saved0, FUNC_GLOBALS));
        self.m.store(fr(F_GLOBALS), Reg::Tmp0);
        self.m.store_imm(fr(F_LOCALS), 0);
        self.m.store_imm(fr(F_FRAME_OBJ), 0);
        self.m.mov_imm(Reg::Tmp0, self.instr_addr(0).wrapping_sub(2));
        self.m.store(fr(F_PREV_INSTR), Reg::Tmp0);
        self.m.store_i32_imm(fr(F_STACKTOP), info.nlocalsplus as i32);
        // is_entry = false, owner = FRAME_OWNED_BY_THREAD (and padding).
        self.m.store_i32_imm(fr(F_IS_ENTRY), FRAME_OWNED_BY_THREAD as i32);
        // The arguments (their references move in) and unbound locals.
        for i in 0..info.nlocalsplus {
            let slot = fr(F_LOCALSPLUS + 8 * i as i32);
            if i < info.argcount {
                self.m.load(Reg::Tmp0, Mem::new(Reg::Saved1, 8 * i as i32));
                self.m.store(slot, Reg::Tmp0);
            } else {
                self.m.store_imm(slot, 0);
            }
        }
        self.m.mov_imm(Reg::Tmp0, info.calls_counter);
        self.m.incref(Reg::Tmp0); // one more call: `inc qword [counter]`
        self.m.mov_imm(Reg::Tmp0, crate::stats::NATIVE_CALLS.address());
        self.m.incref(Reg::Tmp0);
        // The body preserves `Frame`: the frame is still at hand after it.
        self.m.call_label(body, &[Arg::Reg(Reg::Frame)]);
        // The body returned (and unlinked the frame): clear it and pop it.
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.m.load(Reg::Tmp0, fr(F_FRAME_OBJ));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Ne, clear_slow);
        for i in 0..info.nlocalsplus {
            self.release(fr(F_LOCALSPLUS + 8 * i as i32), true);
        }
        self.release(fr(F_LOCALS), true);
        self.release(fr(F_FUNC), false);
        self.release(fr(F_CODE), false);
        self.m.jump(pop);
        self.m.bind(clear_slow);
        self.m.call(
            frames::clear_with_frame_object as *const () as usize,
            &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame)],
        );
        self.m.bind(pop);
        self.m.store(Mem::new(Reg::Tstate, T_DATASTACK_TOP), Reg::Frame);
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
    fn evaluator_check(&mut self, info: &EntryInfo) -> (Label, Label) {
        let (other, back) = (self.m.new_label(), self.m.new_label());
        self.m.mov_imm(Reg::Tmp1, info.eval_frame_slot);
        self.m.mov_imm(Reg::Tmp0, crate::hook::eval_frame as *const () as u64);
        self.m.cmp(Reg::Tmp0, Operand::Mem(Mem::new(Reg::Tmp1, 0)));
        self.m.branch(Cond::Ne, other);
        self.m.bind(back);
        (other, back)
    }

    /// The out-of-line half of [`Gen::evaluator_check`].
    fn evaluator_slow(&mut self, (other, back): (Label, Label), bail: Label) {
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

    /// `Py_XDECREF(*slot)` (or `Py_DECREF`) for frame clearing: the frame
    /// is finished, so deallocation needs no `prev_instr`.
    fn release(&mut self, slot: Mem, maybe_null: bool) {
        let skip = self.m.new_label();
        self.m.load(Reg::Tmp1, slot);
        if maybe_null {
            self.m.test(Reg::Tmp1);
            self.m.branch(Cond::Eq, skip);
        }
        let (dealloc, back) = (self.m.new_label(), self.m.new_label());
        self.m.decref_branch_zero(Reg::Tmp1, dealloc);
        self.m.bind(back);
        self.m.bind(skip);
        self.releases.push((dealloc, back));
    }

    fn emit_releases(&mut self) {
        for (dealloc, back) in std::mem::take(&mut self.releases) {
            self.m.bind(dealloc);
            self.m.call(api::_Py_Dealloc as *const () as usize, &[Arg::Reg(Reg::Tmp1)]);
            self.m.jump(back);
        }
    }
}

/// Whether a code object's frames can be pushed by the vectorcall entry:
/// a plain function (not a generator), all of whose parameters are
/// positional.
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
