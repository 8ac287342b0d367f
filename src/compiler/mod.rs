//! The compiler: CPython 3.11 bytecode in, native code out.
//!
//! `bytecode` decodes instructions, `exception_table` reads the handler
//! table, `flow` finds reachable code and stack depths, `bound` which
//! locals are certainly bound where, and `codegen`
//! emits machine code through the `asm` crate's macro-assembler.

pub mod bound;
pub mod bytecode;
pub mod codegen;
pub mod exception_table;
pub mod flow;
pub mod frameless;

use crate::code_cache;
use crate::cpython::api;
use crate::cpython::layout::{CodeObject, InterpreterFrame, InterpreterState, ThreadState, CO_GENERATOR, CO_SUSPENDABLE};
use crate::cpython::opcode::Op;
use crate::profile::CodeState;
use pyo3::ffi::{self, PyObject};
use std::time::Instant;

/// Signature of compiled code's C entry: runs a fresh frame to completion
/// (or hands it to the interpreter) and returns its result. The last
/// argument is the lowest address the calling thread's stack may reach
/// (see `stack_guard`).
pub type NativeFn = unsafe extern "C" fn(*mut InterpreterFrame, *mut ThreadState, usize) -> *mut PyObject;

/// Signature of the vectorcall entry: `vectorcallfunc`.
pub type VectorcallFn =
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, usize, *mut PyObject) -> *mut PyObject;

/// Largest code object compiled, in code units.
const MAX_UNITS: usize = 60_000;

/// A code object's native code.
pub struct Native {
    pub entry: NativeFn,
    /// Pushes its own frame; for plain functions (see `codegen::entry`).
    pub vectorcall: Option<VectorcallFn>,
    /// Address of the frame entry, of the internal convention, for
    /// compiled callers (see `codegen::entry`); 0 if none.
    pub frame_entry: usize,
    pub unit: code_cache::Unit,
    /// `(code unit, native offset)` per compiled instruction.
    pub map: Vec<(u32, u32)>,
    /// Offset where the out-of-line paths start.
    pub cold_start: u32,
    /// The bytecode compiled (`co_code`), to name instructions in stats.
    pub co_code: Vec<u8>,
    pub compile_ns: u64,
    /// The inline caches the code reads; they live as long as it does.
    pub caches: Vec<Box<crate::runtime::caches::Cache>>,
    pub call_caches: Vec<Box<crate::runtime::calls::CallCache>>,
    /// The frameless body's tables, if it has one.
    pub frameless: Option<Box<crate::runtime::frameless::FramelessInfo>>,
}

impl Native {
    /// The instruction whose opcode word is at `unit`.
    pub fn opcode_at(&self, unit: usize) -> Option<Op> {
        self.co_code.get(2 * unit).and_then(|&b| Op::from_u8(b))
    }

    /// The machine code, split into the prologue (no unit), each compiled
    /// instruction, and the out-of-line paths (no unit), disassembled.
    pub fn listing(&self) -> Vec<(Option<u32>, Vec<diojit_asm::Line>)> {
        let lines = diojit_asm::disassemble(self.bytes(), self.unit.addr as u64);
        let mut bounds: Vec<(Option<u32>, u64)> = vec![(None, 0)];
        bounds.extend(self.map.iter().map(|&(unit, off)| (Some(unit), off as u64)));
        bounds.push((None, self.cold_start as u64));
        let mut out: Vec<(Option<u32>, Vec<diojit_asm::Line>)> = bounds.iter().map(|&(u, _)| (u, Vec::new())).collect();
        for line in lines {
            let off = line.address - self.unit.addr as u64;
            let k = bounds.iter().rposition(|&(_, start)| start <= off).unwrap_or(0);
            out[k].1.push(line);
        }
        out
    }

    /// The machine code.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the unit's pages stay mapped and readable while it lives.
        unsafe { std::slice::from_raw_parts(self.unit.addr as *const u8, self.unit.len) }
    }
}

/// Why a code object was not compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fallback {
    Generator,
    TooLarge,
    Malformed(String),
    Unsupported(String),
    CodeCache(String),
}

impl Fallback {
    /// The reason as counted in `stats()["compile_failures"]`.
    pub fn reason(&self) -> String {
        match self {
            Fallback::Generator => "coroutine or async generator".into(),
            Fallback::TooLarge => "code too large".into(),
            Fallback::Malformed(_) => "malformed bytecode".into(),
            Fallback::Unsupported(what) => format!("unsupported: {what}"),
            Fallback::CodeCache(e) => e.clone(),
        }
    }
}

/// Compiles `code`, which runs with the namespace `globals` (a hint of
/// which names are globals; NULL if unknown).
///
/// # Safety
/// GIL held; `code` is a live code object and `state` its state;
/// `globals` NULL or a live object.
pub unsafe fn compile(
    code: *mut CodeObject,
    state: *mut CodeState,
    tstate: *mut ThreadState,
    globals: *mut PyObject,
) -> Result<Native, Fallback> {
    let started = Instant::now();
    // SAFETY: GIL held, live objects (caller).
    unsafe {
        if (*code).co_flags & (CO_SUSPENDABLE & !CO_GENERATOR) != 0 {
            return Err(Fallback::Generator);
        }
        // SAFETY: the adaptive bytecode has `ob_size` units.
        let units = std::slice::from_raw_parts(CodeObject::first_instr(code), (*code).ob_size.max(0) as usize);
        let co_code = crate::cpython::opcode::deoptimized_bytes(units)
            .ok_or_else(|| Fallback::Malformed("unknown opcode".into()))?;
        if co_code.len() / 2 > MAX_UNITS {
            return Err(Fallback::TooLarge);
        }
        let table = bytes_of(ffi::Py_NewRef((*code).co_exceptiontable))
            .ok_or_else(|| Fallback::Malformed("exception table unavailable".into()))?;
        let instrs = bytecode::decode(&co_code).map_err(|e| Fallback::Malformed(e.to_string()))?;
        let flow = flow::analyze(instrs, &table, (*code).co_stacksize.max(0) as u32)
            .map_err(|e| Fallback::Malformed(e.to_string()))?;
        (*state).warmup = (*code).co_warmup as i32;
        let interp = (*tstate).interp as *mut InterpreterState;
        let arg_types = specialised_args(code, &*state, &flow);
        let entry = crate::hook::eval_frame_slot()
            .filter(|_| codegen::has_vectorcall_entry((*code).co_flags, (*code).co_kwonlyargcount))
            .map(|slot| codegen::EntryInfo {
                argcount: (*code).co_argcount as u32,
                nlocalsplus: (*code).co_nlocalsplus as u32,
                stacksize: (*code).co_stacksize as u32,
                calls_counter: std::ptr::addr_of_mut!((*state).calls) as u64,
                eval_frame_slot: slot as u64,
                warm_recompile_at: (*state).warm_recompile_at,
            });
        let bound = bound::analyze(&flow, &always_bound(code, &flow));
        let frameless = match entry {
            Some(_) if crate::options::virtual_frames() => frameless::plan(code, &flow, &bound, &arg_types),
            _ => None,
        };
        let ctx = codegen::Context {
            code,
            state,
            nlocalsplus: (*code).co_nlocalsplus as u32,
            eval_breaker: std::ptr::addr_of!((*interp).ceval.eval_breaker) as usize,
            bound,
            types: codegen::Types::new(),
            small_ints: codegen::small_ints(),
            float_free_list: api::float_free_list(),
            arg_types,
            globals,
            profile: cache_profile(&*state, &flow),
            entry,
            generator: (*code).co_flags & CO_GENERATOR != 0,
            frameless,
        };
        let generated = codegen::generate(diojit_asm::Native::new(), &ctx, &flow)
            .map_err(|e| Fallback::Unsupported(e.0))?;
        let unit = code_cache::place(&generated.bytes).map_err(|e| Fallback::CodeCache(e.to_string()))?;
        // SAFETY: the unit holds a complete function with this signature,
        // generated by `codegen` (prologue ... epilogue / tail calls).
        let entry: NativeFn = std::mem::transmute::<usize, NativeFn>(unit.addr);
        // SAFETY: as above, for the vectorcall entry at its offset.
        let vectorcall = generated
            .entries
            .as_ref()
            .map(|e| std::mem::transmute::<usize, VectorcallFn>(unit.addr + e.vectorcall as usize));
        let frame_entry = generated.entries.as_ref().map_or(0, |e| unit.addr + e.frame as usize);
        Ok(Native {
            entry,
            vectorcall,
            frame_entry,
            unit,
            map: generated.map,
            cold_start: generated.cold_start,
            co_code,
            compile_ns: started.elapsed().as_nanos() as u64,
            caches: generated.caches,
            call_caches: generated.call_caches,
            frameless: generated.frameless,
        })
    }
}

/// Copies a bytes object's contents, consuming the reference.
unsafe fn bytes_of(obj: *mut PyObject) -> Option<Vec<u8>> {
    if obj.is_null() {
        // SAFETY: GIL held.
        unsafe { ffi::PyErr_Clear() };
        return None;
    }
    // SAFETY: a live object we own.
    unsafe {
        let out = if ffi::PyBytes_Check(obj) != 0 {
            let p = ffi::PyBytes_AsString(obj) as *const u8;
            Some(std::slice::from_raw_parts(p, ffi::PyBytes_Size(obj) as usize).to_vec())
        } else {
            None
        };
        ffi::Py_DECREF(obj);
        out
    }
}

/// The types compiled code specialises on, per local: a positional
/// parameter that every profiled call passed with one type the fast paths
/// know (int, float, list, tuple), and that the code never rebinds.
unsafe fn specialised_args(code: *mut CodeObject, state: &CodeState, flow: &flow::Flow) -> Vec<Option<u64>> {
    // SAFETY: live code object (caller).
    let (nlocalsplus, flags) = unsafe { ((*code).co_nlocalsplus.max(0) as usize, (*code).co_flags) };
    let mut types = vec![None; nlocalsplus];
    if !state.specialize_args || flags & CO_GENERATOR != 0 {
        return types;
    }
    let known = codegen::Types::new();
    let useful = [known.int, known.float, known.list, known.tuple];
    for (i, set) in state.args.iter().enumerate().take(nlocalsplus) {
        if set.morphism() != crate::profile::Morphism::Monomorphic {
            continue;
        }
        let rebound = flow.instrs.iter().any(|instr| {
            instr.oparg as usize == i && matches!(instr.op, Op::STORE_FAST | Op::DELETE_FAST | Op::MAKE_CELL)
        });
        types[i] = set.types().next().map(|t| t as u64).filter(|t| useful.contains(t) && !rebound);
    }
    types
}

/// What the attribute and method caches of the code's current (or last)
/// native code saw, per instruction, as the interpreter's specialised
/// forms would record it.
fn cache_profile(state: &CodeState, flow: &flow::Flow) -> Vec<(u32, u8, Vec<u16>)> {
    let Some(native) = state.native.as_ref().or(state.retired.last()) else { return Vec::new() };
    native
        .caches
        .iter()
        .filter_map(|cache| {
            let op = flow.instrs.iter().find(|i| i.unit == cache.unit)?.op;
            cache.as_specialised(op).map(|(form, units)| (cache.unit, form, units))
        })
        .collect()
}

/// Parameters never deleted (nor turned into cells) are bound everywhere.
unsafe fn always_bound(code: *mut CodeObject, flow: &flow::Flow) -> Vec<bool> {
    // SAFETY: live code object.
    let (nlocalsplus, nargs) = unsafe {
        let c = &*code;
        let varargs = (c.co_flags & 0x4 != 0) as i32 + (c.co_flags & 0x8 != 0) as i32;
        (c.co_nlocalsplus.max(0) as usize, (c.co_argcount + c.co_kwonlyargcount + varargs).max(0) as usize)
    };
    let mut bound: Vec<bool> = (0..nlocalsplus).map(|i| i < nargs).collect();
    for instr in &flow.instrs {
        if matches!(instr.op, Op::DELETE_FAST | Op::MAKE_CELL) {
            if let Some(b) = bound.get_mut(instr.oparg as usize) {
                *b = false;
            }
        }
    }
    bound
}
