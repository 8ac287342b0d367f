//! Frames native code pushes itself, on the thread's data stack: what
//! `_PyEvalFramePushAndInit`, `_PyFrame_InitializeSpecials` and
//! `_PyEvalFrameClearAndPop` do, for a frame of the code being compiled.
//! Two kinds of caller share this: the frame entry (any compiled caller,
//! see `entry`), and a call site of the compiled code calling the very
//! function it runs (see `call`).
//!
//! A self call's frame borrows the code object: the caller's frame owns a
//! reference to the same code and outlives the callee's, so no count is
//! taken or dropped per call. Should a frame object outlive the call
//! (`sys._getframe()` kept, a traceback), the reference is counted before
//! the frame object takes over the frame's data.

use super::Gen;
use crate::cpython::layout::{InterpreterFrame, ThreadState, FRAME_OWNED_BY_THREAD};
use crate::runtime::frames;
use diojit_asm::{Arg, Cond, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi::PyFunctionObject;
use std::mem::offset_of;

use super::entry::EntryInfo;
use super::{F_BUILTINS, F_FRAME_OBJ, F_GLOBALS, F_LOCALSPLUS, F_PREV_INSTR, F_STACKTOP};
pub(super) const F_FUNC: i32 = offset_of!(InterpreterFrame, f_func) as i32;
const F_LOCALS: i32 = offset_of!(InterpreterFrame, f_locals) as i32;
pub(super) const F_CODE: i32 = offset_of!(InterpreterFrame, f_code) as i32;
const F_IS_ENTRY: i32 = offset_of!(InterpreterFrame, is_entry) as i32;
const FUNC_GLOBALS: i32 = offset_of!(PyFunctionObject, func_globals) as i32;
const FUNC_BUILTINS: i32 = offset_of!(PyFunctionObject, func_builtins) as i32;
pub(super) const T_DATASTACK_TOP: i32 = offset_of!(ThreadState, datastack_top) as i32;
pub(super) const T_DATASTACK_LIMIT: i32 = offset_of!(ThreadState, datastack_limit) as i32;
/// `FRAME_SPECIALS_SIZE`: the frame header, in words.
const FRAME_SPECIALS_SIZE: u32 = (F_LOCALSPLUS / 8) as u32;

// `stacktop`, `is_entry`, `owner` and padding are one word, written at once.
const _: () = assert!(F_IS_ENTRY == F_STACKTOP + 4 && FRAME_OWNED_BY_THREAD == 0);

/// How a pushed frame holds its code object.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Caller {
    /// Any caller: the frame owns the function and the code.
    Any,
    /// The function running the calling frame: the frame owns the
    /// function (which the caller's frame keeps alive too) and borrows
    /// the code.
    Itself,
}

/// Where the arguments of a pushed frame are, as owned references that
/// move into it.
#[derive(Clone, Copy)]
pub(super) enum Args {
    /// An array at the address in a register.
    Array(Reg),
    /// The calling frame's stack slots from this depth up.
    Stack(u32),
}

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// The frame's size in bytes.
    pub(super) fn frame_bytes(info: &EntryInfo) -> i32 {
        ((info.nlocalsplus + info.stacksize + FRAME_SPECIALS_SIZE) * 8) as i32
    }

    /// Pushes a frame of this code if it fits the current data-stack chunk
    /// (a NULL top has a NULL limit, so it never fits): its address in
    /// `new`. Else branches to `full` with `new` untouched. Clobbers `Tmp0`
    /// and `Tmp1`.
    pub(super) fn push_frame(&mut self, info: &EntryInfo, new: Reg, full: Label) {
        self.m.load(Reg::Tmp0, Mem::new(Reg::Tstate, T_DATASTACK_TOP));
        self.m.lea(Reg::Tmp1, Mem::new(Reg::Tmp0, Self::frame_bytes(info)));
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tstate, T_DATASTACK_LIMIT)));
        self.m.branch(Cond::AboveEq, full);
        self.m.store(Mem::new(Reg::Tstate, T_DATASTACK_TOP), Reg::Tmp1);
        self.m.mov(new, Reg::Tmp0);
    }

    /// `Py_XDECREF(*slot)` (`maybe_null`), or `Py_DECREF`, for frame
    /// clearing: in the body, as the current instruction's; in an entry,
    /// where no instruction runs, without `prev_instr`.
    fn release_slot(&mut self, slot: Mem, maybe_null: bool) {
        let skip = self.m.new_label();
        self.m.load(Reg::Tmp1, slot);
        if maybe_null {
            self.m.test(Reg::Tmp1);
            self.m.branch(Cond::Eq, skip);
        }
        if self.in_body {
            self.decref(Reg::Tmp1, self.cur_unit);
        } else {
            let (dealloc, back) = (self.m.new_label(), self.m.new_label());
            self.m.decref_branch_zero(Reg::Tmp1, dealloc);
            self.m.bind(back);
            self.releases.push((dealloc, back));
        }
        self.m.bind(skip);
    }

    /// The address of the frame [`Gen::push_frame`] pushed last, in `dst`.
    pub(super) fn pushed_frame(&mut self, info: &EntryInfo, dst: Reg) {
        self.m.load(dst, Mem::new(Reg::Tstate, T_DATASTACK_TOP));
        self.m.lea(dst, Mem::new(dst, -Self::frame_bytes(info)));
    }

    /// Initialises the pushed frame at `new` for `func` (whose reference,
    /// like the arguments', moves in), as `_PyFrame_InitializeSpecials`
    /// does, and counts the call. Clobbers `Tmp0`.
    pub(super) fn init_frame(&mut self, info: &EntryInfo, new: Reg, func: Reg, args: Args, caller: Caller) {
        let fr = |d: i32| Mem::new(new, d);
        self.m.store(fr(F_FUNC), func);
        self.m.mov_imm(Reg::Tmp0, self.ctx.code as u64);
        if caller == Caller::Any {
            self.m.incref(Reg::Tmp0);
        }
        self.m.store(fr(F_CODE), Reg::Tmp0);
        self.m.load(Reg::Tmp0, Mem::new(func, FUNC_BUILTINS));
        self.m.store(fr(F_BUILTINS), Reg::Tmp0);
        self.m.load(Reg::Tmp0, Mem::new(func, FUNC_GLOBALS));
        self.m.store(fr(F_GLOBALS), Reg::Tmp0);
        self.m.store_imm(fr(F_LOCALS), 0);
        self.m.store_imm(fr(F_FRAME_OBJ), 0);
        self.m.mov_imm(Reg::Tmp0, self.instr_addr(0).wrapping_sub(2));
        self.m.store(fr(F_PREV_INSTR), Reg::Tmp0);
        // stacktop = nlocalsplus, is_entry = false, owner = thread.
        self.m.store_imm(fr(F_STACKTOP), info.nlocalsplus as i32);
        for i in 0..info.nlocalsplus {
            let slot = fr(F_LOCALSPLUS + 8 * i as i32);
            if i < info.argcount {
                let arg = match args {
                    Args::Array(base) => Mem::new(base, 8 * i as i32),
                    Args::Stack(depth) => self.stack(depth + i),
                };
                self.m.load(Reg::Tmp0, arg);
                self.m.store(slot, Reg::Tmp0);
            } else {
                self.m.store_imm(slot, 0);
            }
        }
        self.m.mov_imm(Reg::Tmp0, info.calls_counter);
        self.m.incref(Reg::Tmp0); // one more call: `inc qword [counter]`
        self.m.mov_imm(Reg::Tmp0, crate::stats::NATIVE_CALLS.address());
        self.m.incref(Reg::Tmp0);
    }

    /// Clears the finished (and unlinked) frame at `frame` and pops it.
    /// The case of a frame object goes out of line in the body, and past
    /// a jump elsewhere. Clobbers every register but `frame`, `Saved1` and
    /// the pinned ones.
    pub(super) fn clear_frame(&mut self, info: &EntryInfo, frame: Reg, caller: Caller) {
        let release = Self::release_slot;
        let fr = |d: i32| Mem::new(frame, d);
        let (slow, pop) = (self.m.new_label(), self.m.new_label());
        self.m.load(Reg::Tmp0, fr(F_FRAME_OBJ));
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Ne, slow);
        for i in 0..info.nlocalsplus {
            release(self, fr(F_LOCALSPLUS + 8 * i as i32), true);
        }
        release(self, fr(F_LOCALS), true);
        match caller {
            Caller::Any => {
                release(self, fr(F_FUNC), false);
                release(self, fr(F_CODE), false);
            }
            Caller::Itself => {
                self.m.load(Reg::Tmp1, fr(F_FUNC));
                self.m.decref_no_dealloc(Reg::Tmp1);
            }
        }
        self.m.bind(pop);
        self.m.store(Mem::new(Reg::Tstate, T_DATASTACK_TOP), frame);
        // A frame object outlives the call or is being dropped with it:
        // `_PyFrame_Clear` (the frame owning its code first).
        let clear_slow = move |g: &mut Self| {
            g.m.bind(slow);
            if caller == Caller::Itself {
                g.m.load(Reg::Tmp1, Mem::new(frame, F_CODE));
                g.m.incref(Reg::Tmp1);
            }
            g.m.call(frames::clear_with_frame_object as *const () as usize, &[Arg::Reg(Reg::Tstate), Arg::Reg(frame)]);
            g.m.jump(pop);
        };
        if self.in_body {
            self.slow_path(clear_slow);
        } else {
            let done = self.m.new_label();
            self.m.jump(done);
            clear_slow(self);
            self.m.bind(done);
        }
    }
}
