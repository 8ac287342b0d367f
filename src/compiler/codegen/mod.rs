//! Code generation: one pass over the reachable instructions, emitting
//! through the architecture-neutral [`Masm`].
//!
//! The value stack stays where the interpreter keeps it, in the frame's
//! `localsplus` after the locals, and every slot's position is known at
//! compile time from the flow analysis. (Pushes of locals and constants
//! are deferred until an instruction needs the slot; see `operands`.) Handing a frame back to the
//! interpreter is therefore only a matter of setting `prev_instr` and
//! `stacktop` and calling `_PyEval_EvalFrameDefault` (see DESIGN.md §3):
//!
//! * an exception: `prev_instr` on the raising instruction, `stacktop` as
//!   the interpreter has it at its `goto error`, `throwflag = 1`;
//! * an exit before instruction `i` (tracing switched on, an instruction
//!   left to the interpreter): `prev_instr = &code[start(i)] - 1`,
//!   `throwflag = 0`.
//!
//! Before every call out of native code `prev_instr` names the running
//! instruction, so line numbers, `sys._getframe()` and tracebacks are those
//! the interpreter would show. Cold paths (deallocation, the eval breaker,
//! errors, exits) are emitted after the function body.

use super::bytecode::Instr;
use super::exception_table;
use super::flow::Flow;
use crate::cpython::api::{self, _PyEval_EvalFrameDefault};
use crate::cpython::layout::{CFrame, CodeObject, InterpreterFrame, LongObject, ThreadState};
use crate::cpython::opcode::Op;
use crate::profile::CodeState;
use crate::runtime::{self, attrs, calls, containers, control, errors, exceptions, iteration, names, operators, patterns};
use crate::runtime::control::ExitReason;
use diojit_asm::{Arg, Cond, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi;
use std::collections::BTreeMap;
use std::mem::offset_of;

// Offsets the submodules share.
const OB_TYPE: i32 = offset_of!(ffi::PyObject, ob_type) as i32;
const LONG_SIZE: i32 = offset_of!(LongObject, ob_size) as i32;
const LONG_DIGIT: i32 = offset_of!(LongObject, ob_digit) as i32;
const F_GLOBALS: i32 = offset_of!(InterpreterFrame, f_globals) as i32;
const F_BUILTINS: i32 = offset_of!(InterpreterFrame, f_builtins) as i32;
const F_PREVIOUS: i32 = offset_of!(InterpreterFrame, previous) as i32;
const F_PREV_INSTR: i32 = offset_of!(InterpreterFrame, prev_instr) as i32;
const F_STACKTOP: i32 = offset_of!(InterpreterFrame, stacktop) as i32;
const F_LOCALSPLUS: i32 = offset_of!(InterpreterFrame, localsplus) as i32;
const F_FRAME_OBJ: i32 = offset_of!(InterpreterFrame, frame_obj) as i32;
/// `PyCellObject.ob_ref`.
const CELL_REF: i32 = offset_of!(ffi::PyCellObject, ob_ref) as i32;
const T_CFRAME: i32 = offset_of!(ThreadState, cframe) as i32;
const T_RECURSION: i32 = offset_of!(ThreadState, recursion_remaining) as i32;
const C_TRACING: i32 = offset_of!(CFrame, use_tracing) as i32;
const C_CURRENT: i32 = offset_of!(CFrame, current_frame) as i32;

mod call;
mod caches;
mod entry;
mod frameless;
mod frames;
mod unwinding;
mod generators;
mod numbers;
mod operands;
mod sequences;

use operands::{Deferred, Place, RegCopy, Val, INT_REG, INT_UNKNOWN};

pub use entry::{has_vectorcall_entry, Entries, EntryInfo};
pub use numbers::Arith;

/// Addresses of the builtin types the fast paths test for.
pub struct Types {
    pub int: u64,
    pub float: u64,
    pub list: u64,
    pub tuple: u64,
    pub range_iter: u64,
    pub list_iter: u64,
}

impl Types {
    pub fn new() -> Types {
        use std::ptr::addr_of_mut;
        Types {
            int: addr_of_mut!(ffi::PyLong_Type) as u64,
            float: addr_of_mut!(ffi::PyFloat_Type) as u64,
            list: addr_of_mut!(ffi::PyList_Type) as u64,
            tuple: addr_of_mut!(ffi::PyTuple_Type) as u64,
            range_iter: addr_of_mut!(ffi::PyRangeIter_Type) as u64,
            list_iter: addr_of_mut!(ffi::PyListIter_Type) as u64,
        }
    }
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}

/// The address of the cached small int -5, if the small ints are laid
/// out as CPython 3.11 lays them out (-5..=256, 32 bytes apart).
pub fn small_ints() -> Option<u64> {
    // SAFETY: PyLong_FromLong returns the cached objects for -5..=256;
    // the references are released at once (they stay alive in the cache).
    unsafe {
        let first = ffi::PyLong_FromLong(-5);
        let second = ffi::PyLong_FromLong(-4);
        let last = ffi::PyLong_FromLong(256);
        let layout_ok = !first.is_null()
            && second as usize == first as usize + 32
            && last as usize == first as usize + 261 * 32;
        for o in [first, second, last] {
            ffi::Py_XDECREF(o);
        }
        layout_ok.then_some(first as u64)
    }
}

/// What a comparison leaves behind.
#[derive(Clone, Copy)]
pub(super) enum Outcome {
    /// A bool on the stack.
    Value,
    /// Nothing: fused with the POP_JUMP at index `pop_jump`, it branches.
    Branch { pop_jump: usize },
}

/// What the generated code may embed about its code object.
pub struct Context {
    pub code: *mut CodeObject,
    pub state: *mut CodeState,
    pub nlocalsplus: u32,
    /// Address of the interpreter's eval-breaker flag.
    pub eval_breaker: usize,
    /// Which locals are certainly bound where.
    pub bound: crate::compiler::bound::Bound,
    pub types: Types,
    /// Address of the cached small int -5 (see [`small_ints`]).
    pub small_ints: Option<u64>,
    /// The float free list, when native code may use it.
    pub float_free_list: Option<api::FloatFreeList>,
    /// Per local, the exact type the code is specialised on, if any: a
    /// parameter never rebound, checked on entry (see `prologue`).
    pub arg_types: Vec<Option<u64>>,
    /// The globals the code was running with when compiled (NULL if
    /// unknown): names found there are read as globals first.
    pub globals: *mut ffi::PyObject,
    /// What the inline caches of the native code being replaced saw, per
    /// code unit, as specialised forms (see `quickened`).
    pub profile: Vec<(u32, u8, Vec<u16>)>,
    /// Emit the frame and vectorcall entries (for plain functions).
    pub entry: Option<EntryInfo>,
    /// Generator code: native code only resumes suspended frames.
    pub generator: bool,
    /// Self calls without frames (see `compiler::frameless`), for code
    /// with `entry`.
    pub frameless: Option<crate::compiler::frameless::Plan>,
}

/// The output of code generation.
pub struct Generated {
    pub bytes: Vec<u8>,
    /// `(code unit, native offset)` of each compiled instruction.
    pub map: Vec<(u32, u32)>,
    /// Where the out-of-line paths start.
    pub cold_start: u32,
    /// Offsets of the vectorcall and compiled callers' entries, if emitted.
    pub entries: Option<Entries>,
    /// The inline caches the code reads (their addresses are in it).
    pub caches: Vec<Box<crate::runtime::caches::Cache>>,
    pub call_caches: Vec<Box<crate::runtime::calls::CallCache>>,
    /// What the runtime needs to build a frameless chain's frames.
    pub frameless: Option<Box<crate::runtime::frameless::FramelessInfo>>,
}

/// An instruction the compiler cannot handle (the function then runs in
/// the interpreter).
#[derive(Debug)]
pub struct Unsupported(pub String);

/// Out-of-line code, emitted after the body.
enum Cold {
    /// `_Py_Dealloc(obj)` for a count that reached zero, then back.
    Dealloc { label: Label, back: Label, obj: Reg, unit: u32, last: Option<LastRelease>, restore: Restore },
    /// Handle a set eval breaker at `unit`, then continue at `back`.
    Breaker { label: Label, back: Label, unit: u32, err_depth: u32, resume: u32, depth: u32 },
    /// Leave native code before the instruction starting at `resume`.
    Exit { label: Label, reason: ExitReason, op: Op, resume: u32, depth: u32 },
    /// Raise `UnboundLocalError` for local `oparg` read at `unit`.
    Unbound { label: Label, unit: u32, oparg: u32, depth: u32 },
    /// Materialise deferred operands, then continue at `target` (an
    /// error exit that expects owned references).
    Spill { label: Label, vals: Vec<Val>, target: Label },
}

/// What an out-of-line deallocation puts back before returning, for
/// registers the inline path keeps (see `RegCopy`).
#[derive(Clone, Copy, Default)]
struct Restore {
    /// Reload a register from memory.
    reload: Option<(Reg, Mem)>,
    /// Set `INT_REG` to `INT_UNKNOWN`.
    forget_int: bool,
}

/// A deallocation that ends its instruction (see `Gen::decref_last`).
struct LastRelease {
    op: Op,
    next: u32,
    after: u32,
}

/// An exception handler, from the exception table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Handler {
    target: u32,
    /// Stack depth the handler starts from, before its pushes.
    level: u32,
    /// Whether it also receives the raising instruction's offset.
    lasti: bool,
}

/// Code emitted after the body (a slow path): run with the instruction
/// it belongs to as the current one.
type OutOfLine<'a, M> = Box<dyn FnOnce(&mut Gen<'a, M>) + 'a>;

struct Gen<'a, M: Masm> {
    m: M,
    ctx: &'a Context,
    flow: &'a Flow,
    labels: Vec<Label>,
    cold: Vec<Cold>,
    /// Error exits by (stack depth, raising instruction's handler, whether
    /// a traceback entry is due).
    errors: BTreeMap<(u32, Option<Handler>, bool), Label>,
    /// The instruction being compiled (its handler catches its errors),
    /// and its index.
    cur_unit: u32,
    cur_index: usize,
    raise_exit: Label,
    /// The body's entry (see `prologue`), and its entry for callers that
    /// know the arguments have the types the code is specialised on.
    body: Label,
    body_checked: Label,
    /// The code's deallocation routine (see `dealloc`).
    dealloc_routine: Label,
    resume_exit: Label,
    /// Keyword names set by KW_NAMES for the next CALL.
    kwnames: Option<usize>,
    /// Out-of-line deallocations of the frame entry's frame clearing.
    releases: Vec<(Label, Label)>,
    /// The current instruction's code may run Python code (a call, a
    /// deallocation, an allocation that can trigger the garbage
    /// collector), which may switch tracing on: its outgoing edges check.
    runs_code: bool,
    map: Vec<(u32, u32)>,
    /// The inline caches the code reads, owned with it.
    caches: Vec<Box<crate::runtime::caches::Cache>>,
    call_caches: Vec<Box<crate::runtime::calls::CallCache>>,
    /// Deferred pushes at the top of the stack (see `operands`).
    pending: Vec<Deferred>,
    /// A register holding a copy of a local or stack slot (see `operands`).
    copy: Option<RegCopy>,
    /// Instructions jumped to by code emitted so far (besides bytecode
    /// jump targets): registers hold nothing known there.
    joins: Vec<bool>,
    /// A POP_JUMP emitted with the comparison before it (see `compare_op`).
    fused_pop_jump: Option<usize>,
    /// Slow paths to emit after the body, with their instruction's unit.
    out_of_line: Vec<(u32, OutOfLine<'a, M>)>,
    /// Stack depths (bits) known to hold NULL here (see `track_nulls`).
    nulls: u64,
    /// Emitting the body (whose slow paths can go out of line), not the
    /// entries after it.
    in_body: bool,
    /// The exact type of each stack slot's value, where known here (see
    /// `track_types`).
    stack_types: Vec<Option<u64>>,
    /// The type of the value the current instruction pushes, if known.
    result_type: Option<u64>,
    /// The frameless body, if the code has one.
    frameless: Option<frameless::Frameless>,
}

/// Generates native code for an analysed code object.
pub fn generate<M: Masm>(m: M, ctx: &Context, flow: &Flow) -> Result<Generated, Unsupported> {
    let mut m = m;
    let labels = (0..flow.instrs.len()).map(|_| m.new_label()).collect();
    let raise_exit = m.new_label();
    let resume_exit = m.new_label();
    let body = m.new_label();
    let body_checked = m.new_label();
    let dealloc_routine = m.new_label();
    let mut g = Gen {
        m,
        ctx,
        flow,
        labels,
        cold: Vec::new(),
        errors: BTreeMap::new(),
        cur_unit: 0,
        cur_index: 0,
        raise_exit,
        body,
        body_checked,
        dealloc_routine,
        resume_exit,
        kwnames: None,
        runs_code: false,
        releases: Vec::new(),
        map: Vec::new(),
        caches: Vec::new(),
        call_caches: Vec::new(),
        pending: Vec::new(),
        out_of_line: Vec::new(),
        fused_pop_jump: None,
        copy: None,
        joins: vec![false; flow.instrs.len()],
        nulls: 0,
        in_body: true,
        stack_types: vec![None; flow.max_depth as usize + 2],
        result_type: None,
        frameless: None,
    };
    if let (Some(plan), Some(info)) = (ctx.frameless.as_ref(), ctx.entry.as_ref()) {
        let entry = g.m.new_label();
        let info = Box::new(crate::runtime::frameless::FramelessInfo {
            code: ctx.code,
            nlocalsplus: ctx.nlocalsplus as usize,
            argcount: plan.argcount as usize,
            frame_bytes: Gen::<M>::frame_bytes(info) as usize,
            sites: plan.sites.clone(),
        });
        g.frameless = Some(frameless::Frameless { entry, info });
    }
    g.c_entry(body);
    g.prologue();
    for i in 0..flow.instrs.len() {
        if g.fused_pop_jump == Some(i) {
            g.m.bind(g.labels[i]);
            g.map.push((flow.instrs[i].unit, g.m.offset() as u32));
            continue;
        }
        if let Some(depth) = flow.depth[i] {
            g.instruction(i, depth)?;
        }
    }
    let cold_start = g.m.offset() as u32;
    g.emit_cold();
    g.in_body = false;
    let entries = ctx.entry.as_ref().map(|info| g.call_entries(info, body));
    if let Some(plan) = ctx.frameless.as_ref() {
        g.frameless_body(plan);
    }
    g.emit_dealloc();
    let bytes = g.m.finish().map_err(|e| Unsupported(format!("assembler: {e}")))?;
    let frameless = g.frameless.take().map(|f| f.info);
    Ok(Generated { bytes, map: g.map, cold_start, entries, caches: g.caches, call_caches: g.call_caches, frameless })
}

/// Address of one of the interpreter's static singletons.
fn singleton(get: unsafe fn() -> *mut ffi::PyObject) -> u64 {
    // SAFETY: True, False and None are statically allocated by the
    // interpreter; taking their address has no preconditions.
    unsafe { get() as u64 }
}

fn frame(disp: i32) -> Mem {
    Mem::new(Reg::Frame, disp)
}

impl<'a, M: Masm + 'a> Gen<'a, M> {
    /// The memory of local or stack slot `index` of `localsplus`.
    fn slot_mem(&self, index: u32) -> Mem {
        frame(F_LOCALSPLUS + 8 * index as i32)
    }

    /// Value-stack slot `depth` (0 is the bottom).
    fn stack(&self, depth: u32) -> Mem {
        self.slot_mem(self.ctx.nlocalsplus + depth)
    }

    /// The address one past stack slot `depth - 1`: the interpreter's
    /// `stack_pointer` at depth `depth`.
    fn sp(&self, depth: u32) -> Arg {
        Arg::Addr(self.stack(depth))
    }

    /// `&code[unit]` as the interpreter's `prev_instr` pointer.
    fn instr_addr(&self, unit: u32) -> u64 {
        // SAFETY: the code object lives as long as its compiled code.
        let first = unsafe { CodeObject::first_instr(self.ctx.code) } as u64;
        first.wrapping_add(2 * unit as u64)
    }

    /// The interpreter's specialised form of `instr` (what it quickened it
    /// to before this compilation, a free profile) and its inline cache
    /// units, as they are now; or, where the interpreter never ran it, the
    /// same read off the inline cache of the native code this compilation
    /// replaces.
    fn quickened(&self, instr: &Instr) -> (u8, Vec<u16>) {
        // SAFETY: the adaptive bytecode holds the instruction's opcode
        // unit and its inline caches; the GIL is held while compiling.
        let (op, units) = unsafe {
            let first = CodeObject::first_instr(self.ctx.code) as *const u16;
            let op = *first.add(instr.unit as usize) as u8;
            let caches = instr.op.caches() as usize;
            (op, std::slice::from_raw_parts(first.add(instr.unit as usize + 1), caches).to_vec())
        };
        if op == instr.op as u8 {
            if let Some((form, units)) = self.ctx.profile.iter().find(|p| p.0 == instr.unit).map(|p| (p.1, p.2.clone())) {
                return (form, units);
            }
        }
        (op, units)
    }

    /// `frame->prev_instr = &code[unit]`: the instruction now running.
    /// Uses `Tmp2`, which never holds a value across instructions (it
    /// cannot be a call argument), so that values in the other registers
    /// survive for the call that follows.
    fn set_ip(&mut self, unit: u32) {
        self.m.mov_imm(Reg::Tmp2, self.instr_addr(unit));
        self.m.store(frame(F_PREV_INSTR), Reg::Tmp2);
    }

    /// The body's entry, of the internal convention (see [`Masm::enter_with`]):
    /// runs the frame passed as its argument.
    fn prologue(&mut self) {
        let (body, checked, rest) = (self.body, self.body_checked, self.m.new_label());
        if self.ctx.arg_types.iter().any(Option::is_some) {
            self.m.bind(body);
            self.m.enter_with(&[Reg::Frame]);
            self.arg_guards();
            self.m.jump(rest);
        } else {
            self.m.bind(body);
        }
        self.m.bind(checked);
        self.m.enter_with(&[Reg::Frame]);
        self.m.bind(rest);
        let m = &mut self.m;
        // _Py_EnterRecursiveCallTstate: `recursion_remaining-- <= 0`, that
        // is, below zero after the decrement.
        let slow = m.new_label();
        let ok = m.new_label();
        m.add_i32_mem(Mem::new(Reg::Tstate, T_RECURSION), -1);
        m.branch(Cond::Lt, slow);
        m.bind(ok);
        // Link the frame as the thread's current one.
        m.load(Reg::Tmp0, Mem::new(Reg::CFrame, C_CURRENT));
        m.store(frame(F_PREVIOUS), Reg::Tmp0);
        m.store(Mem::new(Reg::CFrame, C_CURRENT), Reg::Frame);
        // Over the limit: CPython's check raises RecursionError (or lets the
        // call proceed if the limit was raised meanwhile).
        self.slow_path(move |g| {
            let m = &mut g.m;
            m.bind(slow);
            m.call(api::_Py_CheckRecursiveCall as *const () as usize, &[Arg::Reg(Reg::Tstate), Arg::Imm(c"".as_ptr() as u64)]);
            m.cmp_i32(Reg::Tmp0, 0);
            m.branch(Cond::Eq, ok);
            m.mov_imm(Reg::Tmp0, 0);
            m.leave();
        });
        if self.ctx.generator {
            self.resume_dispatch();
        }
        // Otherwise the first instruction follows.
    }

    /// The checks of the argument types the code is specialised on,
    /// before anything happened to the frame: a call with another type
    /// leaves it to `control::arg_guard_failed` (which runs it in the
    /// interpreter, or in code compiled again without the specialisation).
    fn arg_guards(&mut self) {
        let failed = self.m.new_label();
        let guards: Vec<(u32, u64)> =
            self.ctx.arg_types.iter().enumerate().filter_map(|(i, t)| t.map(|t| (i as u32, t))).collect();
        for (local, ty) in guards {
            self.m.load(Reg::Tmp0, self.slot_mem(local));
            self.guard_type(Reg::Tmp0, ty, failed);
        }
        let state = self.ctx.state as u64;
        self.slow_path(move |g| {
            g.m.bind(failed);
            g.m.leave_to(
                control::arg_guard_failed as *const () as usize,
                &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), Arg::Imm(state)],
            );
        });
    }

    /// The address of the code's warm-up counter (`CodeState::warmup`).
    fn warmup_addr(&self) -> u64 {
        // SAFETY: the state outlives its code's native code; only the
        // field's address is taken.
        unsafe { std::ptr::addr_of_mut!((*self.ctx.state).warmup) as u64 }
    }

    /// `_PyCode_Warmup`: advances the warm-up counter until it reaches 0
    /// (where it stays: nothing to do if it was there at compile time).
    fn warm_up(&mut self) {
        // SAFETY: the state outlives compilation.
        if unsafe { (*self.ctx.state).warmup } == 0 {
            return;
        }
        let skip = self.m.new_label();
        let counter = Mem::new(Reg::Tmp2, 0);
        self.m.mov_imm(Reg::Tmp2, self.warmup_addr());
        self.m.cmp_i32_mem(counter, 0);
        self.m.branch(Cond::Eq, skip);
        self.m.add_i32_mem(counter, 1);
        self.m.bind(skip);
    }

    /// Unlinks the frame and leaves the recursion count, as every exit
    /// from native code must.
    fn leave_frame(&mut self) {
        let m = &mut self.m;
        m.add_i32_mem(Mem::new(Reg::Tstate, T_RECURSION), 1);
        m.load(Reg::Tmp1, frame(F_PREVIOUS));
        m.store(Mem::new(Reg::CFrame, C_CURRENT), Reg::Tmp1);
    }

    /// The error exit for a failure of the current instruction that
    /// leaves the stack at `depth` (a traceback entry is due).
    fn error(&mut self, depth: u32) -> Label {
        self.error_exit(depth, true)
    }

    /// The error exit of the current instruction, with or without a new
    /// traceback entry (RERAISE and a bare `raise` add none).
    fn error_exit(&mut self, depth: u32, traceback: bool) -> Label {
        let handler = exception_table::lookup(&self.flow.exceptions, self.cur_unit).map(|e| Handler {
            target: e.target,
            level: e.depth,
            lasti: e.lasti,
        });
        *self.errors.entry((depth, handler, traceback)).or_insert_with(|| self.m.new_label())
    }

    /// Branches to the error exit if a helper returned a negative status.
    fn check_status(&mut self, err_depth: u32) {
        let err = self.error(err_depth);
        self.m.cmp_i32(Reg::Tmp0, 0);
        self.m.branch(Cond::Lt, err);
    }

    /// Leaves native code before the instruction at `resume` if tracing or
    /// profiling was switched on by code just called.
    fn tracing_check(&mut self, op: Op, resume: u32, depth: u32) {
        let label = self.m.new_label();
        self.m.cmp_u8_mem(Mem::new(Reg::CFrame, C_TRACING), 0);
        self.m.branch(Cond::Ne, label);
        self.cold.push(Cold::Exit { label, reason: ExitReason::Tracing, op, resume, depth });
    }

    /// Emits `path` after the body (it must end in a jump), so that the
    /// fast path it leaves falls through to the next instruction.
    fn slow_path(&mut self, path: impl FnOnce(&mut Self) + 'a) {
        self.out_of_line.push((self.cur_unit, Box::new(path)));
    }

    /// Checks the eval breaker at `unit`; continues at `back` either way.
    fn breaker_check(&mut self, unit: u32, err_depth: u32, back: Label, op_next: (u32, u32)) {
        let label = self.m.new_label();
        self.m.mov_imm(Reg::Tmp0, self.ctx.eval_breaker as u64);
        self.m.cmp_i32_mem(Mem::new(Reg::Tmp0, 0), 0);
        self.m.branch(Cond::Ne, label);
        let (resume, depth) = op_next;
        self.cold.push(Cold::Breaker { label, back, unit, err_depth, resume, depth });
    }

    /// Decrements `obj`'s count, deallocating it out of line at zero.
    fn decref(&mut self, obj: Reg, unit: u32) {
        self.decref_restoring(obj, unit, Restore::default());
    }

    /// The same, the deallocation then doing `restore`.
    fn decref_restoring(&mut self, obj: Reg, unit: u32, restore: Restore) {
        self.runs_code = true;
        self.decref_out_of_line(obj, unit, None, restore);
    }

    /// The same as the last action of `instr`, which leaves `after`
    /// values on the stack: the out-of-line deallocation checks for
    /// tracing itself, so that the inline path has no check.
    fn decref_last(&mut self, instr: &Instr, obj: Reg, after: u32, restore: Restore) {
        let last = Some(LastRelease { op: instr.op, next: instr.next, after });
        self.decref_out_of_line(obj, instr.unit, last, restore);
    }

    fn decref_out_of_line(&mut self, obj: Reg, unit: u32, last: Option<LastRelease>, restore: Restore) {
        let (label, back) = (self.m.new_label(), self.m.new_label());
        self.m.decref_branch_zero(obj, label);
        self.m.bind(back);
        self.cold.push(Cold::Dealloc { label, back, obj, unit, last, restore });
    }

    /// `_Py_Dealloc(obj)`, through the code's deallocation routine (see
    /// `numbers::emit_dealloc`) when there is one. Clobbers what a C call
    /// does.
    fn dealloc(&mut self, obj: Reg) {
        if self.ctx.float_free_list.is_none() {
            return self.m.call(api::_Py_Dealloc as *const () as usize, &[Arg::Reg(obj)]);
        }
        if obj != Reg::Tmp1 {
            self.m.mov(Reg::Tmp1, obj);
        }
        let routine = self.dealloc_routine;
        self.m.call_label(routine, &[]);
    }

    /// Calls an instruction helper with the interpreter's view of the
    /// instruction.
    fn call_op(&mut self, instr: &Instr, helper: runtime::OpHelper, depth: u32, oparg: u32) {
        self.runs_code = true;
        self.set_ip(instr.unit);
        self.m.call(
            helper as *const () as usize,
            &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), self.sp(depth), Arg::Imm(oparg as u64)],
        );
    }

    /// A helper call followed by the error check.
    fn op(&mut self, instr: &Instr, helper: runtime::OpHelper, depth: u32, err_depth: u32) {
        self.call_op(instr, helper, depth, instr.oparg);
        self.check_status(err_depth);
    }

    /// The same, for helpers that cannot run Python code.
    fn op_pure(&mut self, instr: &Instr, helper: runtime::OpHelper, depth: u32, err_depth: u32) {
        let runs_code = self.runs_code;
        self.op(instr, helper, depth, err_depth);
        self.runs_code = runs_code;
    }

    /// Leaves the rest of this execution to the interpreter, which runs
    /// the instruction itself.
    fn interpret(&mut self, instr: &Instr, depth: u32) {
        let label = self.m.new_label();
        self.m.jump(label);
        self.cold.push(Cold::Exit { label, reason: ExitReason::Interpreted, op: instr.op, resume: instr.start, depth });
    }

    /// The label of the instruction at `unit`, for a jump to it (which
    /// makes it a join: see `RegCopy`).
    fn label_at(&mut self, unit: u32) -> Label {
        let i = self.flow.index_of(unit).expect("jump targets are instructions");
        self.joins[i] = true;
        self.labels[i]
    }

    /// Takes the edge from `instr` to the instruction at `dest`, with
    /// `depth` values on the stack: leaves native code there if tracing
    /// was switched on by code this instruction ran, and checks the eval
    /// breaker on backward jumps, as the interpreter does.
    fn edge(&mut self, instr: &Instr, dest: u32, depth: u32) {
        self.flush(depth);
        if self.runs_code {
            self.tracing_check(instr.op, dest, depth);
        }
        let label = self.label_at(dest);
        if dest <= instr.unit && instr.op != Op::JUMP_BACKWARD_NO_INTERRUPT {
            self.breaker_check(instr.unit, depth, label, (dest, depth));
        }
        self.m.jump(label);
    }

    fn instruction(&mut self, i: usize, depth: u32) -> Result<(), Unsupported> {
        let instr = self.flow.instrs[i];
        let label = self.labels[i];
        if self.flow.is_target[i] {
            // Other paths join here with everything on the stack.
            self.flush(depth);
        }
        if self.flow.is_target[i] || self.joins[i] {
            self.copy = None;
            self.nulls = 0;
            self.stack_types.iter_mut().for_each(|t| *t = None);
        }
        self.result_type = None;
        self.m.bind(label);
        self.runs_code = false;
        self.cur_unit = instr.unit;
        self.cur_index = i;
        self.map.push((instr.unit, self.m.offset() as u32));
        let d = depth;
        let next = instr.next;
        if !operands::understands(instr.op) {
            self.flush(d);
        }
        use Op::*;
        match instr.op {
            NOP | PRECALL | EXTENDED_ARG | CACHE => {}
            RESUME => {
                self.warm_up();
                if instr.oparg < 2 {
                    let back = self.m.new_label();
                    self.breaker_check(instr.unit, d, back, (next, d));
                    self.m.bind(back);
                }
            }
            LOAD_FAST => {
                if !self.bound(instr.oparg) {
                    // The check raises here, with the stack as it is.
                    self.flush(d);
                    self.m.load(Reg::Tmp0, self.slot_mem(instr.oparg));
                    self.unbound_check(&instr, d);
                }
                self.defer(Deferred::Local(instr.oparg));
            }
            LOAD_CLOSURE => {
                self.m.load(Reg::Tmp0, self.slot_mem(instr.oparg));
                self.unbound_check(&instr, d);
                self.m.incref(Reg::Tmp0);
                self.m.store(self.stack(d), Reg::Tmp0);
            }
            LOAD_CONST => {
                // SAFETY: the code object (and so its constants) outlives
                // the compiled code.
                let value = unsafe { runtime::constant_of(self.ctx.code, instr.oparg) };
                self.defer(Deferred::Const(value as u64));
            }
            STORE_FAST => {
                let skip = self.m.new_label();
                let [v] = self.operands::<1>(d);
                let int = self.int_in_reg(v);
                self.load_owned(v, Reg::Tmp0);
                let local = self.slot_mem(instr.oparg);
                self.m.load(Reg::Tmp1, local);
                self.m.store(local, Reg::Tmp0);
                if !self.bound(instr.oparg) {
                    self.m.test(Reg::Tmp1);
                    self.m.branch(Cond::Eq, skip);
                }
                let restore = Restore { reload: Some((Reg::Tmp0, local)), forget_int: int };
                self.decref_last(&instr, Reg::Tmp1, d - 1, restore);
                self.m.bind(skip);
                self.note_copy(Place::Local(instr.oparg), Reg::Tmp0, int);
            }
            DELETE_FAST => {
                let unbound = self.m.new_label();
                self.m.load(Reg::Tmp1, self.slot_mem(instr.oparg));
                self.m.test(Reg::Tmp1);
                self.m.branch(Cond::Eq, unbound);
                self.cold.push(Cold::Unbound { label: unbound, unit: instr.unit, oparg: instr.oparg, depth: d });
                self.m.store_imm(self.slot_mem(instr.oparg), 0);
                self.decref(Reg::Tmp1, instr.unit);
            }
            POP_TOP => {
                if self.pending.pop().is_none() {
                    self.m.load(Reg::Tmp1, self.stack(d - 1));
                    self.decref_last(&instr, Reg::Tmp1, d - 1, Restore::default());
                }
            }
            PUSH_NULL => self.m.store_imm(self.stack(d), 0),
            COPY => {
                self.m.load(Reg::Tmp0, self.stack(d - instr.oparg));
                self.m.incref(Reg::Tmp0);
                self.m.store(self.stack(d), Reg::Tmp0);
            }
            SWAP => {
                self.m.load(Reg::Tmp0, self.stack(d - 1));
                self.m.load(Reg::Tmp1, self.stack(d - instr.oparg));
                self.m.store(self.stack(d - 1), Reg::Tmp1);
                self.m.store(self.stack(d - instr.oparg), Reg::Tmp0);
            }
            LOAD_ASSERTION_ERROR => {
                // SAFETY: reading an initialised C global of the interpreter.
                let exc = unsafe { ffi::PyExc_AssertionError } as u64;
                self.m.mov_imm(Reg::Tmp0, exc);
                self.m.incref(Reg::Tmp0);
                self.m.store(self.stack(d), Reg::Tmp0);
            }
            RETURN_VALUE => {
                // A frame object that outlives the call reports this line.
                self.set_ip(instr.unit);
                if self.ctx.generator {
                    // The generator clears the frame up to its stack top.
                    self.m.store_i32_imm(frame(F_STACKTOP), self.ctx.nlocalsplus as i32);
                }
                let [v] = self.operands::<1>(d);
                self.return_value(v);
                self.leave_frame();
                self.m.leave();
            }
            JUMP_FORWARD | JUMP_BACKWARD_NO_INTERRUPT => self.edge(&instr, instr.target().unwrap_or(next), d),
            JUMP_BACKWARD => {
                self.warm_up();
                self.edge(&instr, instr.target().unwrap_or(next), d)
            }
            POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_TRUE => self.pop_jump_if_bool(&instr, d),
            POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE | POP_JUMP_FORWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE => self.pop_jump_if_none(&instr, d),
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => self.jump_if_or_pop(&instr, d),
            IS_OP => self.is_op(&instr, d),
            KW_NAMES => {
                // SAFETY: as for LOAD_CONST.
                self.kwnames = Some(unsafe { runtime::constant_of(self.ctx.code, instr.oparg) } as usize);
            }
            CALL => self.call(&instr, d),
            YIELD_VALUE => self.yield_value(&instr, d),
            CALL_FUNCTION_EX => {
                let after = d - 2 - (instr.oparg & 1);
                self.op(&instr, calls::call_function_ex, d, after);
                let back = self.m.new_label();
                self.breaker_check(instr.unit, after, back, (next, after));
                self.m.bind(back);
            }
            FOR_ITER => self.for_iter(&instr, d),
            MAKE_CELL => self.op_pure(&instr, names::make_cell, d, d),
            COPY_FREE_VARS => self.op_pure(&instr, names::copy_free_vars, d, d),
            LOAD_DEREF => {
                // The cell's contents; an empty cell raises in the helper.
                let (unbound, done) = (self.m.new_label(), self.m.new_label());
                self.m.load(Reg::Tmp0, self.slot_mem(instr.oparg));
                self.m.load(Reg::Tmp0, Mem::new(Reg::Tmp0, CELL_REF));
                self.m.test(Reg::Tmp0);
                self.m.branch(Cond::Eq, unbound);
                self.m.incref(Reg::Tmp0);
                self.m.store(self.stack(d), Reg::Tmp0);
                self.m.jump(done);
                self.m.bind(unbound);
                self.op_pure(&instr, names::load_deref, d, d);
                self.m.bind(done);
            }
            STORE_DEREF => self.op(&instr, names::store_deref, d, d - 1),
            DELETE_DEREF => self.op(&instr, names::delete_deref, d, d),
            LOAD_CLASSDEREF => self.op(&instr, names::load_classderef, d, d),
            LOAD_GLOBAL => self.load_global(&instr, d),
            STORE_GLOBAL => self.op(&instr, names::store_global, d, d - 1),
            DELETE_GLOBAL => self.op(&instr, names::delete_global, d, d),
            LOAD_NAME => self.op(&instr, names::load_name, d, d),
            STORE_NAME => self.op(&instr, names::store_name, d, d - 1),
            DELETE_NAME => self.op(&instr, names::delete_name, d, d),
            LOAD_BUILD_CLASS => self.op(&instr, names::load_build_class, d, d),
            SETUP_ANNOTATIONS => self.op(&instr, names::setup_annotations, d, d),
            IMPORT_NAME => self.op(&instr, names::import_name, d, d - 1),
            IMPORT_FROM => self.op(&instr, names::import_from, d, d + 1),
            LOAD_ATTR => self.load_attr(&instr, d),
            STORE_ATTR => self.store_attr(&instr, d),
            DELETE_ATTR => self.op(&instr, attrs::delete_attr, d, d - 1),
            LOAD_METHOD => self.load_method(&instr, d),
            UNARY_POSITIVE => self.op(&instr, operators::unary_positive, d, d),
            UNARY_NEGATIVE => self.op(&instr, operators::unary_negative, d, d),
            UNARY_INVERT => self.op(&instr, operators::unary_invert, d, d),
            UNARY_NOT => self.op(&instr, operators::unary_not, d, d - 1),
            BINARY_OP => self.binary_op(&instr, d),
            COMPARE_OP => {
                let outcome = self.compare_outcome(i);
                // A POP_JUMP reached only from here goes out of line with
                // the comparison's slow path.
                let fused = instr.oparg <= 5
                    && matches!(outcome, Outcome::Branch { pop_jump } if !self.flow.is_target[pop_jump]);
                if fused {
                    self.fused_pop_jump = Some(i + 1);
                }
                self.compare_op(&instr, d, outcome, fused)
            }
            CONTAINS_OP => self.op(&instr, operators::contains_op, d, d - 2),
            BINARY_SUBSCR => self.binary_subscr(&instr, d),
            STORE_SUBSCR => self.store_subscr(&instr, d),
            DELETE_SUBSCR => self.op(&instr, operators::delete_subscr, d, d - 2),
            BUILD_SLICE => self.op(&instr, operators::build_slice, d, d + 1 - instr.oparg),
            FORMAT_VALUE => {
                let spec = (instr.oparg & crate::cpython::opcode::FVS_HAVE_SPEC != 0) as u32;
                self.op(&instr, operators::format_value, d, d - 1 - spec)
            }
            BUILD_STRING => self.op(&instr, operators::build_string, d, d),
            BUILD_TUPLE => self.op_pure(&instr, containers::build_tuple, d, d),
            BUILD_LIST => self.op_pure(&instr, containers::build_list, d, d),
            BUILD_SET => self.op(&instr, containers::build_set, d, d - instr.oparg),
            BUILD_MAP => self.op(&instr, containers::build_map, d, d),
            BUILD_CONST_KEY_MAP => self.op(&instr, containers::build_const_key_map, d, d),
            LIST_APPEND => self.op(&instr, containers::list_append, d, d - 1),
            SET_ADD => self.op(&instr, containers::set_add, d, d - 1),
            MAP_ADD => self.op(&instr, containers::map_add, d, d - 2),
            LIST_EXTEND => self.op(&instr, containers::list_extend, d, d - 1),
            SET_UPDATE => self.op(&instr, containers::set_update, d, d - 1),
            DICT_UPDATE => self.op(&instr, containers::dict_update, d, d - 1),
            DICT_MERGE => self.op(&instr, containers::dict_merge, d, d - 1),
            LIST_TO_TUPLE => self.op_pure(&instr, containers::list_to_tuple, d, d - 1),
            UNPACK_SEQUENCE => self.unpack_sequence(&instr, d),
            UNPACK_EX => self.op(&instr, containers::unpack_ex, d, d - 1),
            GET_ITER => self.op(&instr, iteration::get_iter, d, d),
            GET_LEN => self.op(&instr, patterns::get_len, d, d),
            MATCH_MAPPING => self.call_match_flag(&instr, d, 0),
            MATCH_SEQUENCE => self.call_match_flag(&instr, d, 1),
            MATCH_KEYS => self.op(&instr, patterns::match_keys_op, d, d),
            MATCH_CLASS => self.op(&instr, patterns::match_class_op, d, d - 2),
            MAKE_FUNCTION => self.op(&instr, calls::make_function, d, d - 1),
            BEFORE_WITH => self.op(&instr, calls::before_with, d, d),
            PRINT_EXPR => self.op(&instr, calls::print_expr, d, d - 1),
            // Raising, and the rare instructions below, are left to the
            // interpreter from this point on (it then runs the rest of
            // this execution): `raise` needs the interpreter's unwinding
            // of a re-raised exception, `import *` its locals syncing.
            IMPORT_STAR => self.interpret(&instr, d),
            RAISE_VARARGS => self.raising(&instr, d, exceptions::raise_varargs, d - instr.oparg),
            RERAISE => self.raising(&instr, d, exceptions::reraise, d - 1),
            PUSH_EXC_INFO => self.op_pure(&instr, exceptions::push_exc_info, d, d),
            POP_EXCEPT => self.op(&instr, exceptions::pop_except, d, d - 1),
            CHECK_EXC_MATCH => self.op(&instr, exceptions::check_exc_match, d, d - 1),
            WITH_EXCEPT_START => self.op(&instr, exceptions::with_except_start, d, d),
            // Only reachable through the exception table or in generators,
            // neither of which is compiled; kept exact if ever reached.
            CHECK_EG_MATCH | PREP_RERAISE_STAR | RETURN_GENERATOR | SEND
            | GET_AWAITABLE | GET_AITER | GET_ANEXT | END_ASYNC_FOR | BEFORE_ASYNC_WITH
            | ASYNC_GEN_WRAP | GET_YIELD_FROM_ITER => self.interpret(&instr, d),
        }
        let falls_through = !instr.op.ends_flow()
            && !matches!(instr.op, JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT);
        let after = (d as i32 + instr.op.stack_effect(instr.oparg, false)) as u32;
        if self.runs_code && falls_through {
            self.flush(after);
            self.tracing_check(instr.op, next, after);
        }
        if !falls_through {
            // Whatever follows is reached by jumps only (which flushed).
            self.pending.clear();
        }
        self.track_nulls(&instr, d, after);
        self.track_types(&instr, d, after);
        Ok(())
    }

    /// Keeps `nulls` true after `instr`, which ran at depth `d` and left
    /// `after` values: PUSH_NULL and LOAD_GLOBAL push NULL; the slots
    /// `untouched_below` vouches for keep theirs; the others are forgotten.
    fn track_nulls(&mut self, instr: &Instr, d: u32, after: u32) {
        let (keeps, floor) = Self::untouched_below(instr, d, after);
        self.nulls = match (keeps, floor) {
            (false, _) => 0,
            (true, 64..) => self.nulls,
            (true, _) => self.nulls & ((1u64 << floor) - 1),
        };
        let pushed_null = match instr.op {
            Op::PUSH_NULL => Some(d),
            Op::LOAD_GLOBAL if instr.oparg & 1 != 0 => Some(d),
            _ => None,
        };
        if let Some(k) = pushed_null.filter(|&k| k < 64) {
            self.nulls |= 1 << k;
        }
    }

    /// Whether `instr` (run at depth `d`, leaving `after` values) is one of
    /// the instructions known to touch only the values they pop and push,
    /// and the depth below which it leaves every slot as it was.
    fn untouched_below(instr: &Instr, d: u32, after: u32) -> (bool, u32) {
        use Op::*;
        let pushes = match instr.op {
            NOP | RESUME | CACHE | EXTENDED_ARG | PRECALL | KW_NAMES => 0,
            LOAD_FAST | LOAD_CONST | PUSH_NULL | LOAD_ATTR | LOAD_DEREF | LOAD_CLOSURE | COPY | BINARY_OP
            | COMPARE_OP | BINARY_SUBSCR | IS_OP | CONTAINS_OP | UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_INVERT
            | UNARY_NOT | CALL | BUILD_TUPLE | BUILD_LIST => 1,
            LOAD_GLOBAL => 1 + (instr.oparg & 1),
            LOAD_METHOD => 2,
            _ => return (false, 0),
        };
        (true, after.saturating_sub(pushes).min(d))
    }

    /// Keeps `stack_types` true after `instr`, as `track_nulls` does
    /// `nulls`, with the type of the value it pushed if known.
    fn track_types(&mut self, instr: &Instr, d: u32, after: u32) {
        let (keeps, floor) = Self::untouched_below(instr, d, after);
        let from = if keeps { floor as usize } else { 0 };
        for t in self.stack_types.iter_mut().skip(from) {
            *t = None;
        }
        if let (Some(ty), Some(slot)) = (self.result_type.take(), (after as usize).checked_sub(1)) {
            if keeps && slot >= from {
                self.stack_types[slot] = Some(ty);
            }
        }
    }

    /// Whether stack slot `depth` certainly holds NULL here.
    fn known_null(&self, depth: u32) -> bool {
        depth < 64 && self.nulls & (1 << depth) != 0
    }

    /// A COMPARE_OP followed by POP_JUMP_*_IF_TRUE/FALSE branches on the
    /// comparison directly.
    fn compare_outcome(&self, i: usize) -> Outcome {
        use Op::*;
        match self.flow.instrs.get(i + 1) {
            Some(next)
                if matches!(
                    next.op,
                    POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_FALSE | POP_JUMP_FORWARD_IF_TRUE
                        | POP_JUMP_BACKWARD_IF_TRUE
                ) =>
            {
                Outcome::Branch { pop_jump: i + 1 }
            }
            _ => Outcome::Value,
        }
    }

    /// Ends a comparison's fast path, whose result is `truth`, with
    /// `depth` values on the stack counting the result: continue after
    /// `instr` (the bool was pushed), or take the fused POP_JUMP's edge.
    fn finish_outcome(&mut self, instr: &Instr, outcome: Outcome, truth: bool, depth: u32) {
        match outcome {
            Outcome::Value => self.edge(instr, instr.next, depth),
            Outcome::Branch { pop_jump } => {
                let pj = self.flow.instrs[pop_jump];
                let jump_if_true = matches!(pj.op, Op::POP_JUMP_FORWARD_IF_TRUE | Op::POP_JUMP_BACKWARD_IF_TRUE);
                let dest = if truth == jump_if_true { pj.target().unwrap_or(pj.next) } else { pj.next };
                self.edge(&pj, dest, depth - 1);
            }
        }
    }

    /// Loads the returned value as an owned reference into `Tmp0`. A
    /// local's reference moves out of the finished frame unless a frame
    /// object could still show it (in `f_locals`).
    fn return_value(&mut self, v: Val) {
        let Some(Deferred::Local(i)) = v.deferred.filter(|_| !self.ctx.generator) else {
            return self.load_owned(v, Reg::Tmp0);
        };
        let (kept, done) = (self.m.new_label(), self.m.new_label());
        self.m.load(Reg::Tmp0, self.slot_mem(i));
        self.m.load(Reg::Tmp1, frame(F_FRAME_OBJ));
        self.m.test(Reg::Tmp1);
        self.m.branch(Cond::Ne, kept);
        self.m.store_imm(self.slot_mem(i), 0);
        self.m.jump(done);
        self.m.bind(kept);
        self.m.incref(Reg::Tmp0);
        self.m.bind(done);
    }

    /// Raises `UnboundLocalError` (out of line) if `Tmp0`, read from the
    /// local `instr` names, is NULL.
    fn unbound_check(&mut self, instr: &Instr, d: u32) {
        if self.bound(instr.oparg) {
            return;
        }
        let unbound = self.m.new_label();
        self.m.test(Reg::Tmp0);
        self.m.branch(Cond::Eq, unbound);
        self.cold.push(Cold::Unbound { label: unbound, unit: instr.unit, oparg: instr.oparg, depth: d });
    }

    /// Whether `local` is certainly bound when the current instruction
    /// starts.
    fn bound(&self, local: u32) -> bool {
        self.ctx.bound.at(self.cur_index, local)
    }

    fn call_match_flag(&mut self, instr: &Instr, d: u32, which: u32) {
        self.call_op(instr, patterns::match_flag, d, which);
    }

    /// POP_JUMP_*_IF_TRUE/FALSE: `True` and `False` inline, anything else
    /// through its truth value.
    fn pop_jump_if_bool(&mut self, instr: &Instr, d: u32) {
        use Op::*;
        let jump_if_true = matches!(instr.op, POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
        let target = instr.target().unwrap_or(instr.next);
        let (is_true, is_false, taken) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        let (fall, generic) = (self.m.new_label(), self.m.new_label());
        self.branch_on_bool(d, is_true, is_false);
        // None is false; an int is true unless zero (its size is 0), and
        // releasing it runs no code.
        self.m.mov_imm(Reg::Tmp1, singleton(ffi::Py_None));
        self.m.cmp(Reg::Tmp0, Operand::Reg(Reg::Tmp1));
        self.m.branch(Cond::Eq, is_false);
        self.guard_type(Reg::Tmp0, self.ctx.types.int, generic);
        self.m.mov(Reg::Saved0, Reg::Tmp0);
        self.m.load(Reg::Saved1, Mem::new(Reg::Saved0, LONG_SIZE));
        let runs_code = self.runs_code;
        self.decref(Reg::Saved0, instr.unit);
        self.runs_code = runs_code;
        self.m.test(Reg::Saved1);
        self.m.branch(if jump_if_true { Cond::Ne } else { Cond::Eq }, taken);
        self.m.jump(fall);
        self.m.bind(generic);
        self.call_op(instr, operators::pop_truth, d, 0);
        self.check_status(d - 1);
        self.m.cmp_i32(Reg::Tmp0, 0);
        self.m.branch(if jump_if_true { Cond::Gt } else { Cond::Eq }, taken);
        self.m.jump(fall);
        self.m.bind(is_true);
        self.m.decref_no_dealloc(Reg::Tmp0);
        self.m.jump(if jump_if_true { taken } else { fall });
        self.m.bind(is_false);
        self.m.decref_no_dealloc(Reg::Tmp0);
        self.m.jump(if jump_if_true { fall } else { taken });
        self.m.bind(taken);
        self.edge(instr, target, d - 1);
        self.m.bind(fall);
    }

    /// Loads the top of the stack into `Tmp0` and branches to `is_true`
    /// or `is_false` if it is `True` or `False`; falls through otherwise.
    fn branch_on_bool(&mut self, d: u32, is_true: Label, is_false: Label) {
        self.m.load(Reg::Tmp0, self.stack(d - 1));
        self.m.mov_imm(Reg::Tmp1, singleton(ffi::Py_True));
        self.m.cmp(Reg::Tmp0, Operand::Reg(Reg::Tmp1));
        self.m.branch(Cond::Eq, is_true);
        self.m.mov_imm(Reg::Tmp1, singleton(ffi::Py_False));
        self.m.cmp(Reg::Tmp0, Operand::Reg(Reg::Tmp1));
        self.m.branch(Cond::Eq, is_false);
    }

    /// POP_JUMP_*_IF_NONE / IF_NOT_NONE.
    fn pop_jump_if_none(&mut self, instr: &Instr, d: u32) {
        use Op::*;
        let jump_if_none = matches!(instr.op, POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE);
        let target = instr.target().unwrap_or(instr.next);
        let (not_none, taken, fall) = (self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.m.load(Reg::Tmp1, self.stack(d - 1));
        self.m.mov_imm(Reg::Tmp0, singleton(ffi::Py_None));
        self.m.cmp(Reg::Tmp1, Operand::Reg(Reg::Tmp0));
        self.m.branch(Cond::Ne, not_none);
        self.m.decref_no_dealloc(Reg::Tmp1);
        self.m.jump(if jump_if_none { taken } else { fall });
        self.m.bind(not_none);
        self.decref(Reg::Tmp1, instr.unit);
        self.m.jump(if jump_if_none { fall } else { taken });
        self.m.bind(taken);
        self.edge(instr, target, d - 1);
        self.m.bind(fall);
    }

    /// JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP.
    fn jump_if_or_pop(&mut self, instr: &Instr, d: u32) {
        let jump_if_true = instr.op == Op::JUMP_IF_TRUE_OR_POP;
        let target = instr.target().unwrap_or(instr.next);
        let (is_true, is_false, taken, fall) =
            (self.m.new_label(), self.m.new_label(), self.m.new_label(), self.m.new_label());
        self.branch_on_bool(d, is_true, is_false);
        self.call_op(instr, operators::jump_or_pop, d, jump_if_true as u32);
        self.check_status(d);
        self.m.cmp_i32(Reg::Tmp0, 0);
        self.m.branch(Cond::Gt, taken);
        self.m.jump(fall);
        // The bool that decides falls through popped, or jumps kept.
        let (pop_on, keep_on) = if jump_if_true { (is_false, is_true) } else { (is_true, is_false) };
        self.m.bind(pop_on);
        self.m.decref_no_dealloc(Reg::Tmp0);
        self.m.jump(fall);
        self.m.bind(keep_on);
        self.m.bind(taken);
        self.edge(instr, target, d);
        self.m.bind(fall);
    }

    /// IS_OP: identity, inline.
    fn is_op(&mut self, instr: &Instr, d: u32) {
        let invert = instr.oparg != 0;
        let (yes, no) = (singleton(ffi::Py_True), singleton(ffi::Py_False));
        let done = self.m.new_label();
        let [a, b] = self.operands::<2>(d);
        self.load_val(a, Reg::Saved0);
        self.load_val(b, Reg::Saved1);
        self.m.mov_imm(Reg::Tmp0, if invert { yes } else { no });
        self.m.cmp(Reg::Saved0, Operand::Reg(Reg::Saved1));
        self.m.branch(Cond::Ne, done);
        self.m.mov_imm(Reg::Tmp0, if invert { no } else { yes });
        self.m.bind(done);
        self.m.incref(Reg::Tmp0);
        self.m.store(self.stack(d - 2), Reg::Tmp0);
        self.release_val(a, Reg::Saved0, instr.unit);
        self.release_val(b, Reg::Saved1, instr.unit);
    }

    fn emit_cold(&mut self) {
        self.copy = None;
        for (unit, path) in std::mem::take(&mut self.out_of_line) {
            self.cur_unit = unit;
            self.runs_code = false;
            path(self);
        }
        // Stubs may add stubs (a breaker's tracing check), hence the loop.
        while let Some(stub) = self.cold.pop() {
            match stub {
                Cold::Dealloc { label, back, obj, unit, last, restore } => {
                    self.m.bind(label);
                    self.set_ip(unit);
                    self.dealloc(obj);
                    if let Some(LastRelease { op, next, after }) = last {
                        self.tracing_check(op, next, after);
                    }
                    if let Some((reg, mem)) = restore.reload {
                        self.m.load(reg, mem);
                    }
                    if restore.forget_int {
                        self.m.mov_imm(INT_REG, INT_UNKNOWN as i64 as u64);
                    }
                    self.m.jump(back);
                }
                Cold::Breaker { label, back, unit, err_depth, resume, depth } => {
                    self.cur_unit = unit;
                    self.m.bind(label);
                    self.set_ip(unit);
                    self.m.call(control::handle_eval_breaker as *const () as usize, &[Arg::Reg(Reg::Tstate)]);
                    self.check_status(err_depth);
                    // A signal handler may have switched tracing on.
                    let op = self.op_at(unit);
                    self.tracing_check(op, resume, depth);
                    self.m.jump(back);
                }
                Cold::Spill { label, vals, target } => {
                    self.m.bind(label);
                    self.spill(&vals);
                    self.m.jump(target);
                }
                Cold::Unbound { label, unit, oparg, depth } => {
                    self.cur_unit = unit;
                    self.m.bind(label);
                    self.set_ip(unit);
                    self.m.call(
                        errors::unbound_local as *const () as usize,
                        &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), self.sp(depth), Arg::Imm(oparg as u64)],
                    );
                    let err = self.error(depth);
                    self.m.jump(err);
                }
                Cold::Exit { label, reason, op, resume, depth } => {
                    self.m.bind(label);
                    self.m.call(
                        control::note_exit as *const () as usize,
                        &[Arg::Imm(self.ctx.state as u64), Arg::Imm(reason.with_opcode(op) as u64)],
                    );
                    self.m.mov_imm(Reg::Tmp2, self.instr_addr(resume).wrapping_sub(2));
                    self.m.store(frame(F_PREV_INSTR), Reg::Tmp2);
                    self.m.store_i32_imm(frame(F_STACKTOP), (self.ctx.nlocalsplus + depth) as i32);
                    let l = self.resume_exit;
                    self.m.jump(l);
                }
            }
        }
        for ((depth, handler, traceback), label) in std::mem::take(&mut self.errors) {
            self.m.bind(label);
            self.unwind(depth, handler, traceback);
        }
        // An exception: the interpreter records the traceback entry, finds
        // the handler (or unwinds out) and runs the rest of the frame.
        let l = self.raise_exit;
        self.m.bind(l);
        self.m.call(control::note_raise as *const () as usize, &[Arg::Imm(self.ctx.state as u64), Arg::Reg(Reg::Frame)]);
        self.leave_frame();
        let traced = self.m.new_label();
        self.m.cmp_u8_mem(Mem::new(Reg::CFrame, C_TRACING), 0);
        self.m.branch(Cond::Ne, traced);
        self.m.leave_to(
            _PyEval_EvalFrameDefault as *const () as usize,
            &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), Arg::Imm(1)],
        );
        self.m.bind(traced);
        self.m.leave_to(
            control::resume_raising_traced as *const () as usize,
            &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame)],
        );
        let l = self.resume_exit;
        self.m.bind(l);
        self.leave_frame();
        self.m.leave_to(
            _PyEval_EvalFrameDefault as *const () as usize,
            &[Arg::Reg(Reg::Tstate), Arg::Reg(Reg::Frame), Arg::Imm(0)],
        );
    }

    fn op_at(&self, unit: u32) -> Op {
        self.flow.instrs.iter().find(|i| i.unit == unit).map_or(Op::NOP, |i| i.op)
    }
}
