//! CALL: the function running the frame, called with its own code and
//! parameter count, gets its frame pushed here and its body run directly
//! (see `frames`); other compiled functions are called through their
//! frame entry (which pushes the callee's frame itself), other Python
//! functions through their `vectorcall` slot, and the C callable a warm
//! site last called through the stub its `CallCache` holds (the
//! interpreter's specialised form). Everything else, and any call with
//! keywords, goes through `runtime::calls::call`, which mirrors the
//! interpreter's PRECALL/CALL forms and fills the cache.

use super::frames::{Args, Caller, F_FUNC};
use super::Gen;
use crate::compiler::bytecode::Instr;
use crate::cpython::opcode::Op;
use crate::runtime::calls::{self, CallCache, Callee, CALLEES};
use crate::cpython::layout::ListObject;
use diojit_asm::{Alu, Arg, Cond, Label, Masm, Mem, Operand, Reg};
use pyo3::ffi;
use std::mem::offset_of;

use super::{singleton, OB_TYPE};
const FUNC_VECTORCALL: i32 = offset_of!(ffi::PyFunctionObject, vectorcall) as i32;
const CACHE_CALLABLE: i32 = offset_of!(CallCache, callable) as i32;
const CACHE_STUB: i32 = offset_of!(CallCache, stub) as i32;
const CACHE_DEF: i32 = offset_of!(CallCache, def) as i32;
const CACHE_DEF_STUB: i32 = offset_of!(CallCache, def_stub) as i32;
const CFUNC_DEF: i32 = offset_of!(ffi::PyCFunctionObject, m_ml) as i32;
const LIST_SIZE: i32 = offset_of!(ListObject, ob_size) as i32;
const LIST_ITEMS: i32 = offset_of!(ListObject, ob_item) as i32;
const LIST_ALLOCATED: i32 = offset_of!(ListObject, allocated) as i32;
const CACHE_CALLEES: i32 = offset_of!(CallCache, callees) as i32;
const CALLEE_CODE: i32 = offset_of!(Callee, code) as i32;
const CALLEE_SLOT: i32 = offset_of!(Callee, entry_slot) as i32;

/// The offset of `field` of callee `i` in a call cache.
fn callee_field(i: usize, field: i32) -> i32 {
    CACHE_CALLEES + (i * std::mem::size_of::<Callee>()) as i32 + field
}
const FUNC_CODE: i32 = offset_of!(ffi::PyFunctionObject, func_code) as i32;
/// `PY_VECTORCALL_ARGUMENTS_OFFSET`: the callee may use the slot before
/// the arguments (CALL's stack always has one).
const ARGUMENTS_OFFSET: u64 = 1 << 63;
/// Calls with more arguments take the helper (the fast path unrolls the
/// release of each argument).
const MAX_DIRECT_ARGS: u32 = 6;

/// Where a call's paths end.
struct Ends {
    /// The call's lowest stack slot, which receives the result.
    base: u32,
    /// The error exit once the call consumed its stack.
    err: Label,
    /// Where a Python callee's result (in `Saved1`) is pushed.
    py_result: Label,
    /// After the call's eval-breaker check (which a Python callee's own
    /// entry made).
    checked: Label,
}

impl<'a, M: Masm + 'a> Gen<'a, M> {
    pub(super) fn call(&mut self, instr: &Instr, d: u32) {
        let kwnames = self.kwnames.take().unwrap_or(0);
        let n = instr.oparg;
        let after = d - n - 1;
        let (done, checked) = (self.m.new_label(), self.m.new_label());
        let cache = Box::new(CallCache::new(self.warmup_addr() as *const i32));
        let cache_addr = &*cache as *const CallCache as u64;
        self.call_caches.push(cache);
        if kwnames == 0 && n <= MAX_DIRECT_ARGS {
            let (slow, method) = (self.m.new_label(), self.m.new_label());
            let (c_result, py_result) = (self.m.new_label(), self.m.new_label());
            let base = d - n - 2; // NULL or the method, then the callable or self
            let err = self.error(after);
            let ends = Ends { base, err, py_result, checked };
            let paths = if self.known_null(base) {
                vec![(base + 1, n)]
            } else {
                self.m.load(Reg::Tmp0, self.stack(base));
                self.m.test(Reg::Tmp0);
                self.m.branch(Cond::Ne, method);
                vec![(base + 1, n), (base, n + 1)]
            };
            for (k, (func, nargs)) in paths.into_iter().enumerate() {
                if k == 1 {
                    self.m.bind(method);
                }
                self.direct_call(instr, func, nargs, cache_addr, slow, &ends);
                self.m.jump(c_result);
            }
            for (result, next) in [(py_result, checked), (c_result, done)] {
                self.m.bind(result);
                self.push_result(&ends, next);
            }
            self.m.bind(slow);
        }
        self.call_helper(instr, d, kwnames, cache_addr);
        self.m.bind(done);
        self.breaker_check(instr.unit, after, checked, (instr.next, after));
        self.m.bind(checked);
    }

    /// Replaces the call's lowest slot with the result in `Saved1` (NULL is
    /// an error there), then continues at `next`.
    fn push_result(&mut self, ends: &Ends, next: Label) {
        self.m.store(self.stack(ends.base), Reg::Saved1);
        self.m.test(Reg::Saved1);
        self.m.branch(Cond::Eq, ends.err);
        self.m.jump(next);
    }

    /// Calls the callable in stack slot `func` with the `nargs` values
    /// above it as arguments — a compiled Python function through its
    /// frame entry (which takes over the references), another one through
    /// its vectorcall, the site's cached C callable through its stub — and
    /// releases it and them; the result (or NULL) is left in `Saved1`,
    /// after a Python function at `ends.py_result`, else at the end.
    /// Branches to `slow`, with nothing done, for any other callable.
    fn direct_call(&mut self, instr: &Instr, func: u32, nargs: u32, cache: u64, slow: Label, ends: &Ends) {
        let py_result = ends.py_result;
        self.runs_code = true;
        let c_callable = self.m.new_label();
        let args = Arg::Addr(self.stack(func + 1));
        self.m.load(Reg::Saved0, self.stack(func));
        self.self_call(instr, func, nargs, ends);
        self.m.mov_imm(Reg::Tmp1, std::ptr::addr_of_mut!(ffi::PyFunction_Type) as u64);
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Saved0, OB_TYPE)));
        self.m.branch(Cond::Ne, c_callable);
        // A function whose code the site has seen compiled: its entry.
        let vectorcall = self.m.new_label();
        let nargsf = Arg::Imm(nargs as u64 | ARGUMENTS_OFFSET);
        let py_args = [Arg::Reg(Reg::Saved0), args, nargsf, Arg::Imm(0)];
        self.set_ip(instr.unit); // (uses Tmp2)
        self.m.mov_imm(Reg::Tmp2, cache);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, FUNC_CODE));
        // The first callee inline, the others out of line.
        let (others, entry) = (self.m.new_label(), self.m.new_label());
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp2, callee_field(0, CALLEE_CODE))));
        self.m.branch(Cond::Ne, others);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Tmp2, callee_field(0, CALLEE_SLOT)));
        self.m.bind(entry);
        // The frame entry (internal convention) clobbers Saved0 and Saved1.
        self.m.call_indirect(Mem::new(Reg::Tmp1, 0), &[Arg::Reg(Reg::Saved0), args, Arg::Imm(nargs as u64)]);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.m.jump(py_result);
        self.slow_path(move |g| {
            g.m.bind(others);
            for i in 1..CALLEES {
                let next = g.m.new_label();
                g.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp2, callee_field(i, CALLEE_CODE))));
                g.m.branch(Cond::Ne, next);
                g.m.load(Reg::Tmp1, Mem::new(Reg::Tmp2, callee_field(i, CALLEE_SLOT)));
                g.m.jump(entry);
                g.m.bind(next);
            }
            g.m.jump(vectorcall);
        });
        // Any other: its vectorcall, once the site has tried caching it.
        self.m.bind(vectorcall);
        self.m.call(calls::cache_python_callee as *const () as usize, &[Arg::Imm(cache), Arg::Reg(Reg::Saved0)]);
        self.m.call_indirect(Mem::new(Reg::Saved0, FUNC_VECTORCALL), &py_args);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.release_call(instr, func, nargs);
        self.m.jump(py_result);
        self.m.bind(c_callable);
        let (by_def, called) = (self.m.new_label(), self.m.new_label());
        let c_args = [Arg::Reg(Reg::Saved0), args, Arg::Imm(nargs as u64)];
        self.set_ip(instr.unit); // (uses Tmp2)
        self.m.mov_imm(Reg::Tmp2, cache);
        self.m.cmp(Reg::Saved0, Operand::Mem(Mem::new(Reg::Tmp2, CACHE_CALLABLE)));
        self.m.branch(Cond::Ne, by_def);
        let appended = self.list_append(instr, func, nargs, cache);
        self.m.call_indirect(Mem::new(Reg::Tmp2, CACHE_STUB), &c_args);
        self.m.jump(called);
        // A builtin bound to an object: known by its method definition.
        self.m.bind(by_def);
        self.m.mov_imm(Reg::Tmp1, std::ptr::addr_of_mut!(ffi::PyCFunction_Type) as u64);
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Saved0, OB_TYPE)));
        self.m.branch(Cond::Ne, slow);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Saved0, CFUNC_DEF));
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp2, CACHE_DEF)));
        self.m.branch(Cond::Ne, slow);
        self.m.call_indirect(Mem::new(Reg::Tmp2, CACHE_DEF_STUB), &c_args);
        self.m.bind(called);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.release_call(instr, func, nargs);
        if let Some(appended) = appended {
            self.m.bind(appended);
        }
    }

    /// `xs.append(x)` with its result discarded, at a site whose cached
    /// callable (`Saved0`, compared) may be `list.append`: for an exact
    /// list with room, the item's reference moves into it here (what the
    /// interpreter's PRECALL_NO_KW_LIST_APPEND does), then the list and
    /// the method are released and `None` is the result in `Saved1` at the
    /// returned label. Anything else falls through to the stub, with
    /// `Tmp2` still the cache.
    fn list_append(&mut self, instr: &Instr, func: u32, nargs: u32, cache: u64) -> Option<Label> {
        let append = calls::list_append_address()?;
        let popped = self.flow.index_of(instr.next).is_some_and(|k| self.flow.instrs[k].op == Op::POP_TOP);
        if nargs != 2 || !popped {
            return None;
        }
        let (stub, appended) = (self.m.new_label(), self.m.new_label());
        self.m.mov_imm(Reg::Tmp1, append as u64);
        self.m.cmp(Reg::Saved0, Operand::Reg(Reg::Tmp1));
        self.m.branch(Cond::Ne, stub);
        self.m.load(Reg::Tmp0, self.stack(func + 1));
        self.m.mov_imm(Reg::Tmp1, self.ctx.types.list);
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp0, OB_TYPE)));
        self.m.branch(Cond::Ne, stub);
        self.m.load(Reg::Tmp1, Mem::new(Reg::Tmp0, LIST_SIZE));
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Tmp0, LIST_ALLOCATED)));
        self.m.branch(Cond::Ge, stub);
        self.m.load(Reg::Tmp3, Mem::new(Reg::Tmp0, LIST_ITEMS));
        self.m.load(Reg::Tmp2, self.stack(func + 2));
        self.m.store_indexed(Reg::Tmp3, Reg::Tmp1, 0, Reg::Tmp2);
        self.m.alu(Alu::Add, Reg::Tmp1, Operand::Imm(1));
        self.m.store(Mem::new(Reg::Tmp0, LIST_SIZE), Reg::Tmp1);
        // The method lives in `list`'s dict; the list may die here.
        self.m.decref_no_dealloc(Reg::Saved0);
        self.m.mov(Reg::Saved0, Reg::Tmp0);
        self.m.mov_imm(Reg::Saved1, singleton(ffi::Py_None));
        self.m.incref(Reg::Saved1);
        self.decref(Reg::Saved0, instr.unit);
        self.m.jump(appended);
        self.m.bind(stub);
        self.m.mov_imm(Reg::Tmp2, cache);
        Some(appended)
    }

    /// If the callable in `Saved0` (stack slot `func`) is the function
    /// running this frame, called with as many arguments as it has
    /// parameters: pushes its frame and runs the body directly (see
    /// `frames`), and pushes the result. Otherwise, or if the call needs
    /// what the frame entry leaves to the stock call, falls through with
    /// nothing done.
    fn self_call(&mut self, instr: &Instr, func: u32, nargs: u32, ends: &Ends) {
        let Some(info) = self.ctx.entry.as_ref().filter(|info| info.argcount == nargs) else { return };
        let other = self.m.new_label();
        self.m.cmp(Reg::Saved0, Operand::Mem(Mem::new(Reg::Frame, F_FUNC)));
        self.m.branch(Cond::Ne, other);
        // The function may have been given other code since.
        self.m.mov_imm(Reg::Tmp1, self.ctx.code as u64);
        self.m.cmp(Reg::Tmp1, Operand::Mem(Mem::new(Reg::Saved0, FUNC_CODE)));
        self.m.branch(Cond::Ne, other);
        let evaluator = self.evaluator_check(info);
        self.slow_path(move |g| g.evaluator_slow(evaluator, other));
        self.m.branch_stack_low(other);
        self.set_ip(instr.unit);
        let frameless = self.m.new_label();
        self.frameless_call(func, nargs, instr.unit, frameless);
        self.push_frame(info, Reg::Saved1, other);
        self.init_frame(info, Reg::Saved1, Reg::Saved0, Args::Stack(func + 1), Caller::Itself);
        // Arguments known to have the types the code is specialised on
        // skip the entry's checks.
        let typed = (0..nargs).all(|i| match self.ctx.arg_types.get(i as usize).copied().flatten() {
            Some(t) => self.stack_types.get((func + 1 + i) as usize).copied().flatten() == Some(t),
            None => true,
        });
        let body = if typed { self.body_checked } else { self.body };
        self.m.call_label(body, &[Arg::Reg(Reg::Saved1)]);
        self.m.mov(Reg::Saved1, Reg::Tmp0);
        self.pushed_frame(info, Reg::Saved0);
        self.clear_frame(info, Reg::Saved0, Caller::Itself);
        self.push_result(ends, ends.checked);
        self.m.bind(frameless);
        if self.frameless.is_some() {
            self.push_result(ends, ends.checked);
        }
        self.m.bind(other);
    }

    /// Releases the callable (in `Saved0`) and the arguments above it.
    fn release_call(&mut self, instr: &Instr, func: u32, nargs: u32) {
        for i in 1..=nargs {
            self.m.load(Reg::Tmp1, self.stack(func + i));
            self.decref(Reg::Tmp1, instr.unit);
        }
        self.decref(Reg::Saved0, instr.unit);
    }

    /// The generic call through `runtime::calls::call`.
    fn call_helper(&mut self, instr: &Instr, d: u32, kwnames: usize, cache: u64) {
        self.runs_code = true;
        let after = d - instr.oparg - 1;
        let pop_follows = self.flow.index_of(instr.next).is_some_and(|k| self.flow.instrs[k].op == Op::POP_TOP);
        let shape = instr.oparg | if pop_follows { calls::RESULT_POPPED } else { 0 };
        self.set_ip(instr.unit);
        self.m.call(
            calls::call as *const () as usize,
            &[
                Arg::Reg(Reg::Tstate),
                Arg::Reg(Reg::Frame),
                self.sp(d),
                Arg::Imm(shape as u64),
                Arg::Imm(kwnames as u64),
                Arg::Imm(cache),
            ],
        );
        self.check_status(after);
    }
}
