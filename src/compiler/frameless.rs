//! Which functions may run their self calls without frames, and the
//! table that puts the frames back.
//!
//! A function all of whose parameters are specialised on `int` (so never
//! rebound), that has no exception handlers, cells or backward jumps, and
//! whose every instruction works on ints (constants, locals read where
//! certainly bound, `+ - * // % & | ^`, comparisons feeding a branch, unary
//! minus) or calls the global it is bound to with exactly its parameters,
//! runs no Python code between its calls but itself — given namespaces
//! whose lookups run none either, which the chain's root checks. So
//! nothing can look at its frames while a chain of such calls runs, unless
//! the chain stops: the eval breaker is set (a signal handler, another
//! thread, tracing switched on by either), the recursion limit or the C
//! stack is reached, an int outgrows 64 bits, a division is by zero or a
//! negative number, or a data-stack chunk is full. Its self calls made
//! from native code (see `codegen::frameless`) keep their values unboxed
//! in space reserved on the data stack, without a frame header, reference
//! counts or linkage; at any stop the runtime (`runtime::frameless`)
//! builds every pending frame of the chain as the interpreter would have
//! it — which needs every local to be bound on all paths to a stop or on
//! none — and hands them to the interpreter, innermost first. Only tools
//! that read frames without running Python code see fewer frames while
//! such a chain runs (see README, "Virtual frames").

use super::bound::Bound;
use super::codegen::Arith;
use super::flow::Flow;
use crate::cpython::layout::CodeObject;
use crate::cpython::opcode::Op;
use pyo3::ffi;

/// What a value-stack slot holds while the chain runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An int, unboxed.
    Int,
    /// The NULL LOAD_GLOBAL pushes before a callable.
    Null,
    /// The function itself (read from the globals; not stored).
    Callee,
}

/// A place where the runtime may build a pending frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub at: At,
    /// The value stack there (for a call, what lies below its callee).
    pub stack: Vec<Kind>,
    /// The locals bound there besides the parameters (all ints).
    pub locals: Vec<u32>,
}

/// Where a pending frame stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// It runs again in the interpreter from the instruction at `start`.
    Resume { start: u32 },
    /// It waits in a CALL (last cache unit `last`) for its callee, whose
    /// result goes to slot `base`.
    Call { last: u32, base: u32 },
}

/// The compile-time view of a frameless body.
#[derive(Debug)]
pub struct Plan {
    pub argcount: u32,
    /// Per instruction: its constant's value (LOAD_CONST).
    pub consts: Vec<Option<i64>>,
    /// Per instruction: the stack kinds before it (None: unreachable).
    pub stacks: Vec<Option<Vec<Kind>>>,
    /// Per instruction: a COMPARE_OP whose POP_JUMP follows (that index).
    pub fused: Vec<Option<usize>>,
    /// The sites, the entry's first (see [`ENTRY_SITE`]).
    pub sites: Vec<Site>,
    /// Per instruction: its site (a BINARY_OP's or UNARY_NEGATIVE's
    /// overflow, a PRECALL's full data stack, a CALL's wait).
    pub site_of: Vec<Option<u32>>,
}

/// The site of a frame stopped before its first instruction.
pub const ENTRY_SITE: u32 = 0;

/// The BINARY_OP operators (plain and in-place) the body computes on
/// unboxed ints: `+ - *`, stopping on overflow; `& | ^`, two's complement
/// as Python's are on ints of any size; `//` and `%` by a positive divisor
/// (anything else stops: zero raises, negative divisors are left to the
/// interpreter).
pub fn int_binary(oparg: u32) -> Option<Arith> {
    Arith::from_oparg(oparg).filter(|op| op.on_ints().is_some() || matches!(op, Arith::FloorDiv | Arith::Mod))
}

/// The plan for `code`, or None if its self calls must keep their frames.
/// `arg_types[i]` is the type parameter `i` is specialised on; `bound`
/// says which locals are bound where.
///
/// # Safety
/// GIL held; `code` a live code object.
pub unsafe fn plan(code: *mut CodeObject, flow: &Flow, bound: &Bound, arg_types: &[Option<u64>]) -> Option<Plan> {
    let int = std::ptr::addr_of_mut!(ffi::PyLong_Type) as u64;
    // SAFETY: live code object (caller).
    let c = unsafe { &*code };
    let argcount = c.co_argcount.max(0) as u32;
    if argcount == 0
        || c.co_ncellvars != 0
        || c.co_nfreevars != 0
        || !flow.exceptions.is_empty()
        || (0..argcount as usize).any(|i| arg_types.get(i).copied().flatten() != Some(int))
    {
        return None;
    }
    let n = flow.instrs.len();
    if n == 0 {
        return None;
    }
    let mut plan = Plan {
        argcount,
        consts: vec![None; n],
        stacks: vec![None; n],
        fused: vec![None; n],
        sites: vec![Site { at: At::Resume { start: 0 }, stack: Vec::new(), locals: Vec::new() }],
        site_of: vec![None; n],
    };
    let nlocals = c.co_nlocals.max(0) as u32;
    let mut name = None;
    plan.stacks[0] = Some(Vec::new());
    // Per instruction, the locals some path has stored to before it: a
    // frame built there must show exactly those a path to it bound, so
    // each must be certainly bound or certainly not.
    let mut stored: Vec<Option<Vec<bool>>> = vec![None; n];
    stored[0] = Some(vec![false; nlocals as usize]);
    let mut i = 0;
    while i < n {
        let instr = flow.instrs[i];
        let Some(mut stack) = plan.stacks[i].clone() else {
            i += 1;
            continue;
        };
        let mut maybe = stored[i].clone().unwrap_or_default();
        if (argcount..nlocals).any(|l| maybe.get(l as usize) == Some(&true) && !bound.at(i, l)) {
            return None;
        }
        // Where execution goes next (index, stack), besides falling through.
        let mut jump: Option<(u32, Vec<Kind>)> = None;
        let mut falls = true;
        let mut next = i + 1;
        let site = |at: At, stack: &[Kind]| Site {
            at,
            stack: stack.to_vec(),
            locals: (argcount..nlocals).filter(|&l| bound.at(i, l)).collect(),
        };
        let pop_ints = |stack: &mut Vec<Kind>, k: usize| -> Option<()> {
            for _ in 0..k {
                (stack.pop()? == Kind::Int).then_some(())?;
            }
            Some(())
        };
        match instr.op {
            Op::NOP => {}
            Op::RESUME if instr.oparg == 0 && i == 0 => {}
            Op::LOAD_FAST if instr.oparg < argcount || bound.at(i, instr.oparg) => stack.push(Kind::Int),
            // A parameter is never stored to (it would not be specialised).
            Op::STORE_FAST if (argcount..nlocals).contains(&instr.oparg) => {
                pop_ints(&mut stack, 1)?;
                maybe[instr.oparg as usize] = true;
            }
            Op::LOAD_CONST => {
                plan.consts[i] = Some(int_const(c.co_consts, instr.oparg)?);
                stack.push(Kind::Int);
            }
            Op::BINARY_OP if int_binary(instr.oparg).is_some() => {
                plan.site_of[i] = Some(add_site(&mut plan.sites, site(At::Resume { start: instr.start }, &stack)));
                pop_ints(&mut stack, 2)?;
                stack.push(Kind::Int);
            }
            Op::UNARY_NEGATIVE => {
                plan.site_of[i] = Some(add_site(&mut plan.sites, site(At::Resume { start: instr.start }, &stack)));
                pop_ints(&mut stack, 1)?;
                stack.push(Kind::Int);
            }
            Op::COMPARE_OP if instr.oparg <= 5 => {
                pop_ints(&mut stack, 2)?;
                let pj = flow.instrs.get(i + 1)?;
                if !matches!(pj.op, Op::POP_JUMP_FORWARD_IF_FALSE | Op::POP_JUMP_FORWARD_IF_TRUE) || flow.is_target[i + 1] {
                    return None;
                }
                plan.fused[i] = Some(i + 1);
                jump = Some((pj.target()?, stack.clone()));
                next = i + 2;
            }
            Op::LOAD_GLOBAL if instr.oparg & 1 == 1 => {
                if *name.get_or_insert(instr.oparg >> 1) != instr.oparg >> 1 {
                    return None;
                }
                stack.push(Kind::Null);
                stack.push(Kind::Callee);
            }
            Op::PRECALL if instr.oparg == argcount => {
                // A full data-stack chunk: the interpreter makes the call.
                plan.site_of[i] = Some(add_site(&mut plan.sites, site(At::Resume { start: instr.start }, &stack)));
            }
            Op::CALL if instr.oparg == argcount => {
                pop_ints(&mut stack, argcount as usize)?;
                (stack.pop()? == Kind::Callee).then_some(())?;
                (stack.pop()? == Kind::Null).then_some(())?;
                let at = At::Call { last: instr.next - 1, base: stack.len() as u32 };
                plan.site_of[i] = Some(add_site(&mut plan.sites, site(at, &stack)));
                stack.push(Kind::Int);
            }
            Op::RETURN_VALUE => {
                pop_ints(&mut stack, 1)?;
                falls = false;
            }
            Op::JUMP_FORWARD => {
                jump = Some((instr.target()?, stack.clone()));
                falls = false;
            }
            _ => return None,
        }
        if let Some((target, s)) = jump {
            let t = flow.index_of(target)?;
            if t <= i {
                return None;
            }
            merge(&mut plan.stacks[t], s)?;
            union(&mut stored[t], &maybe);
        }
        if falls {
            if next >= n {
                return None;
            }
            merge(&mut plan.stacks[next], stack)?;
            union(&mut stored[next], &maybe);
        }
        i = if plan.fused[i].is_some() { i + 2 } else { i + 1 };
    }
    // The calls read the name whose value the chain's root checked.
    name?;
    Some(plan)
}

fn add_site(sites: &mut Vec<Site>, site: Site) -> u32 {
    sites.push(site);
    sites.len() as u32 - 1
}

/// Paths meeting at an instruction must agree on the stack.
fn merge(slot: &mut Option<Vec<Kind>>, stack: Vec<Kind>) -> Option<()> {
    match slot {
        Some(s) if *s != stack => None,
        Some(_) => Some(()),
        None => {
            *slot = Some(stack);
            Some(())
        }
    }
}

/// Adds the locals `more` says were stored to those of `slot`.
fn union(slot: &mut Option<Vec<bool>>, more: &[bool]) {
    match slot {
        Some(s) => s.iter_mut().zip(more).for_each(|(a, b)| *a |= *b),
        None => *slot = Some(more.to_vec()),
    }
}

/// Constant `index` of `consts`, if it is an exact int that fits 64 bits.
fn int_const(consts: *mut ffi::PyObject, index: u32) -> Option<i64> {
    // SAFETY: the constants tuple of a live code object; exact ints are
    // converted without running Python code.
    unsafe {
        if consts.is_null() || index as isize >= ffi::PyTuple_GET_SIZE(consts) {
            return None;
        }
        let obj = ffi::PyTuple_GET_ITEM(consts, index as isize);
        if ffi::Py_TYPE(obj) != std::ptr::addr_of_mut!(ffi::PyLong_Type) {
            return None;
        }
        let mut overflow = 0;
        let v = ffi::PyLong_AsLongLongAndOverflow(obj, &mut overflow);
        if overflow != 0 || (v == -1 && !ffi::PyErr_Occurred().is_null()) {
            ffi::PyErr_Clear();
            return None;
        }
        Some(v)
    }
}
