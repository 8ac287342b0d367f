//! Which locals are certainly bound when each instruction starts: a
//! forward analysis over the control flow (a local becomes bound at
//! STORE_FAST and unbound at DELETE_FAST or MAKE_CELL; paths meet by
//! intersection). Reading such a local needs no unbound check, and
//! storing to it no test of the old value. Exception handlers start from
//! the baseline: the parameters never deleted.

use super::exception_table;
use super::flow::Flow;
use crate::cpython::opcode::Op;

/// The analysis: one bit set of locals per instruction.
pub struct Bound {
    words: usize,
    sets: Vec<u64>,
}

impl Bound {
    /// Whether `local` is bound whenever instruction `i` starts.
    pub fn at(&self, i: usize, local: u32) -> bool {
        let (w, bit) = (local as usize / 64, local % 64);
        w < self.words && self.sets.get(i * self.words + w).is_some_and(|s| s >> bit & 1 == 1)
    }
}

/// Analyses `flow`; `baseline[k]`: local `k` is bound everywhere (a
/// parameter never deleted).
pub fn analyze(flow: &Flow, baseline: &[bool]) -> Bound {
    let n = flow.instrs.len();
    let words = baseline.len().div_ceil(64);
    let mut base = vec![0u64; words];
    for (k, _) in baseline.iter().enumerate().filter(|(_, b)| **b) {
        base[k / 64] |= 1 << (k % 64);
    }
    let mut sets = vec![0u64; n * words];
    let mut reached = vec![false; n];
    let mut work = Vec::new();
    let mut merge = |j: usize, incoming: &[u64], sets: &mut Vec<u64>, work: &mut Vec<usize>| {
        let set = &mut sets[j * words..(j + 1) * words];
        if !reached[j] {
            reached[j] = true;
            set.copy_from_slice(incoming);
            work.push(j);
        } else if set.iter().zip(incoming).any(|(s, i)| s & i != *s) {
            set.iter_mut().zip(incoming).for_each(|(s, i)| *s &= i);
            work.push(j);
        }
    };
    if n > 0 {
        merge(0, &base, &mut sets, &mut work);
    }
    while let Some(i) = work.pop() {
        let instr = flow.instrs[i];
        if let Some(e) = exception_table::lookup(&flow.exceptions, instr.unit) {
            if let Some(j) = flow.index_of(e.target) {
                merge(j, &base, &mut sets, &mut work);
            }
        }
        let mut out = sets[i * words..(i + 1) * words].to_vec();
        let (w, bit) = (instr.oparg as usize / 64, instr.oparg % 64);
        if w < words {
            match instr.op {
                Op::STORE_FAST => out[w] |= 1 << bit,
                Op::DELETE_FAST | Op::MAKE_CELL => out[w] &= !(1 << bit),
                _ => {}
            }
        }
        for (to, _) in flow.successors(i, 0) {
            if let Some(j) = flow.index_of(to) {
                merge(j, &out, &mut sets, &mut work);
            }
        }
    }
    Bound { words, sets }
}
