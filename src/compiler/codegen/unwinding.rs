//! Exceptions in native code: raising (RAISE_VARARGS, RERAISE) and the
//! error exits, which unwind natively to the raising instruction's
//! handler, or out of the frame, through `runtime::exceptions::unwind`.
//! With tracing or profiling on, the interpreter unwinds instead: it owes
//! the trace function its `exception` and `return` events.

use super::{frame, Gen, Handler, F_STACKTOP};
use crate::compiler::bytecode::Instr;
use crate::runtime::{exceptions, OpHelper};
use diojit_asm::{Arg, Cond, Masm, Reg};

/// `unwind`'s flags.
const LASTI: u64 = 1;
const TRACEBACK: u64 = 2;

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// RAISE_VARARGS and RERAISE: the helper sets the exception and says
    /// whether a traceback entry is due (not for a re-raise). `after` is
    /// the stack depth once the operands are consumed.
    pub(super) fn raising(&mut self, instr: &Instr, d: u32, helper: OpHelper, after: u32) {
        // A re-raise adds no traceback entry, which the interpreter's error
        // path would: with tracing on, the interpreter runs the instruction.
        self.tracing_check(instr.op, instr.start, d);
        self.call_op(instr, helper, d, instr.oparg);
        let reunwind = self.error_exit(after, false);
        self.m.cmp_i32(Reg::Tmp0, exceptions::REUNWIND);
        self.m.branch(Cond::Eq, reunwind);
        let err = self.error_exit(after, true);
        self.m.jump(err);
    }

    /// An error exit: unwinds the exception raised with `depth` values on
    /// the stack to `handler` (native code continues there), or out of the
    /// frame (returns NULL), or leaves it to the interpreter.
    pub(super) fn unwind(&mut self, depth: u32, handler: Option<Handler>, traceback: bool) {
        let (level, lasti) = handler.map_or((exceptions::NO_HANDLER, false), |h| (h.level, h.lasti));
        let flags = if lasti { LASTI } else { 0 } | if traceback { TRACEBACK } else { 0 };
        self.m.call(
            exceptions::unwind as *const () as usize,
            &[
                Arg::Reg(Reg::Tstate),
                Arg::Reg(Reg::Frame),
                self.sp(0),
                Arg::Imm(depth as u64),
                Arg::Imm(level as u64),
                Arg::Imm(flags),
            ],
        );
        if let Some(h) = handler {
            let target = self.label_at(h.target);
            self.m.cmp_i32(Reg::Tmp0, exceptions::CAUGHT);
            self.m.branch(Cond::Eq, target);
        }
        let interpreter = self.m.new_label();
        self.m.cmp_i32(Reg::Tmp0, exceptions::UNWOUND);
        self.m.branch(Cond::Ne, interpreter);
        self.leave_frame();
        self.m.mov_imm(Reg::Tmp0, 0);
        self.m.leave();
        self.m.bind(interpreter);
        self.m.store_i32_imm(frame(F_STACKTOP), (self.ctx.nlocalsplus + depth) as i32);
        let l = self.raise_exit;
        self.m.jump(l);
    }
}
