//! Control flow of one code object: which instructions execution can reach
//! from the entry (normally, or through an exception handler), the
//! value-stack depth before each of them, and which are jump targets.
//!
//! An instruction protected by the exception table may continue at its
//! handler, with the handler's depth plus the values the unwinder pushes.
//! The analysis checks the property unwinding relies on: every protected
//! instruction starts at or above its handler's depth.

use super::bytecode::Instr;
use super::exception_table::{self, Entry};
use crate::cpython::opcode::Op;

/// The analysis of one code object.
#[derive(Debug)]
pub struct Flow {
    pub instrs: Vec<Instr>,
    /// Stack depth before each instruction, `None` where normal execution
    /// never reaches.
    pub depth: Vec<Option<u32>>,
    /// Whether each instruction is the target of a reachable jump.
    pub is_target: Vec<bool>,
    pub exceptions: Vec<Entry>,
    pub max_depth: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowError {
    /// Two paths reach an instruction with different stack depths.
    InconsistentDepth { unit: u32, depths: (u32, u32) },
    /// The stack would go below empty or above `co_stacksize`.
    BadDepth { unit: u32 },
    /// A protected instruction runs below its handler's depth.
    BelowHandler { unit: u32 },
    /// Execution runs off the end of the code.
    FallsOffEnd,
}

impl std::fmt::Display for FlowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FlowError::InconsistentDepth { unit, depths } => {
                write!(f, "stack depths {} and {} meet at unit {unit}", depths.0, depths.1)
            }
            FlowError::BadDepth { unit } => write!(f, "stack out of bounds at unit {unit}"),
            FlowError::BelowHandler { unit } => write!(f, "unit {unit} runs below its handler's depth"),
            FlowError::FallsOffEnd => f.write_str("execution falls off the end of the code"),
        }
    }
}

impl Flow {
    /// Index of the instruction starting at code unit `start`.
    pub fn index_of(&self, start: u32) -> Option<usize> {
        self.instrs.binary_search_by_key(&start, |i| i.start).ok()
    }

    /// The successors of instruction `i` in normal flow, with the depth
    /// along each edge.
    pub(super) fn successors(&self, i: usize, depth: u32) -> Vec<(u32, i64)> {
        let instr = self.instrs[i];
        let d = depth as i64;
        let mut out = Vec::new();
        if let Some(target) = instr.target() {
            out.push((target, d + instr.op.stack_effect(instr.oparg, true) as i64));
        }
        let unconditional = matches!(
            instr.op,
            Op::JUMP_FORWARD | Op::JUMP_BACKWARD | Op::JUMP_BACKWARD_NO_INTERRUPT
        );
        if !unconditional && !instr.op.ends_flow() {
            // A generator continues after RETURN_GENERATOR when first
            // resumed, with the sent value pushed (and popped next).
            let resumed = (instr.op == Op::RETURN_GENERATOR) as i64;
            out.push((instr.next, d + instr.op.stack_effect(instr.oparg, false) as i64 + resumed));
        }
        out
    }
}

/// Analyses decoded instructions with their exception table.
pub fn analyze(instrs: Vec<Instr>, table: &[u8], stacksize: u32) -> Result<Flow, FlowError> {
    let exceptions = exception_table::parse(table).map_err(|_| FlowError::BadDepth { unit: 0 })?;
    let n = instrs.len();
    let mut flow = Flow { instrs, depth: vec![None; n], is_target: vec![false; n], exceptions, max_depth: 0 };
    if n == 0 {
        return Err(FlowError::FallsOffEnd);
    }
    let mut work = vec![(0usize, 0u32)];
    while let Some((i, depth)) = work.pop() {
        match flow.depth[i] {
            Some(d) if d == depth => continue,
            Some(d) => {
                return Err(FlowError::InconsistentDepth { unit: flow.instrs[i].start, depths: (d, depth) })
            }
            None => flow.depth[i] = Some(depth),
        }
        flow.max_depth = flow.max_depth.max(depth);
        let handler = exception_table::lookup(&flow.exceptions, flow.instrs[i].unit).copied();
        if let Some(e) = handler {
            let j = flow.index_of(e.target).ok_or(FlowError::FallsOffEnd)?;
            flow.is_target[j] = true;
            work.push((j, e.handler_depth()));
        }
        for (to, d) in flow.successors(i, depth) {
            let unit = flow.instrs[i].unit;
            if d < 0 || d > stacksize as i64 {
                return Err(FlowError::BadDepth { unit });
            }
            let j = flow.index_of(to).ok_or(FlowError::FallsOffEnd)?;
            if Some(to) == flow.instrs[i].target() {
                flow.is_target[j] = true;
            }
            work.push((j, d as u32));
        }
    }
    for (i, instr) in flow.instrs.iter().enumerate() {
        if let (Some(d), Some(e)) = (flow.depth[i], exception_table::lookup(&flow.exceptions, instr.unit)) {
            if d < e.depth {
                return Err(FlowError::BelowHandler { unit: instr.unit });
            }
        }
    }
    Ok(flow)
}
