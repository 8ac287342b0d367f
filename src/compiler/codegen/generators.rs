//! Generator code. The call that creates a generator runs in the
//! interpreter (RETURN_GENERATOR copies the frame into the new generator
//! object); native code runs the generator's frame each time it is
//! resumed, from the instruction after its RETURN_GENERATOR or a
//! YIELD_VALUE, and suspends it at the next YIELD_VALUE, as
//! `_PyEval_EvalFrameDefault` does between `gen_send_ex2`'s calls.

use super::{frame, Gen, F_PREV_INSTR, F_STACKTOP};
use crate::compiler::bytecode::Instr;
use crate::cpython::layout::{GenObject, FRAME_SUSPENDED};
use crate::cpython::opcode::Op;
use diojit_asm::{Cond, Masm, Operand, Reg};
use std::mem::offset_of;

/// The generator's `gi_frame_state`, relative to its embedded frame.
const GEN_FRAME_STATE: i32 = offset_of!(GenObject, gi_frame_state) as i32 - offset_of!(GenObject, gi_iframe) as i32;

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// After the prologue: continues at the instruction after the one the
    /// frame was suspended at, or lets the interpreter resume it (a point
    /// native code does not know). While native code runs the frame, its
    /// stack top is -1, as in the interpreter: the garbage collector then
    /// does not visit stack slots native code has already consumed.
    pub(super) fn resume_dispatch(&mut self) {
        self.m.load(Reg::Tmp0, frame(F_PREV_INSTR));
        for (i, instr) in self.flow.instrs.iter().enumerate() {
            if !matches!(instr.op, Op::RETURN_GENERATOR | Op::YIELD_VALUE) || self.flow.depth[i].is_none() {
                continue;
            }
            if self.flow.index_of(instr.next).is_none() {
                continue;
            }
            let (other, target) = (self.m.new_label(), self.label_at(instr.next));
            self.m.mov_imm(Reg::Tmp1, self.instr_addr(instr.unit));
            self.m.cmp(Reg::Tmp0, Operand::Reg(Reg::Tmp1));
            self.m.branch(Cond::Ne, other);
            self.m.store_i32_imm(frame(F_STACKTOP), -1);
            self.m.jump(target);
            self.m.bind(other);
        }
        let l = self.resume_exit;
        self.m.jump(l);
    }

    /// YIELD_VALUE: suspends the frame with the value below the top kept
    /// on its stack, and returns the top to `gen_send_ex2`.
    pub(super) fn yield_value(&mut self, instr: &Instr, d: u32) {
        self.set_ip(instr.unit);
        self.m.store_i32_imm(frame(F_STACKTOP), (self.ctx.nlocalsplus + d - 1) as i32);
        self.m.store_u8_imm(frame(GEN_FRAME_STATE), FRAME_SUSPENDED as u8);
        self.m.load(Reg::Tmp0, self.stack(d - 1));
        self.leave_frame();
        self.m.leave();
    }
}
