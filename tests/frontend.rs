//! The bytecode front end against the interpreter's own view of real code:
//! every code object of a few hundred stdlib functions decodes as `dis`
//! decodes it, its exception table parses as `dis` parses it, and flow
//! analysis finds consistent stack depths within `co_stacksize`.

use diojit::compiler::bytecode::{decode, Instr};
use diojit::compiler::exception_table::{self, Entry};
use diojit::compiler::flow::analyze;
use pyo3::prelude::*;
use pyo3::types::{PyCode, PyList};

const CORPUS: &str = r#"
import types, sys, importlib
def all_code(mods):
    out, seen = [], set()
    def walk(co):
        if id(co) in seen: return
        seen.add(id(co)); out.append(co)
        for c in co.co_consts:
            if isinstance(c, types.CodeType): walk(c)
    for name in mods:
        m = importlib.import_module(name)
        src = getattr(m, '__file__', None)
        if src and src.endswith('.py'):
            with open(src, encoding='utf-8') as f:
                walk(compile(f.read(), src, 'exec'))
    return out
codes = all_code(['json.decoder', 'json.encoder', 'dataclasses', 'enum', 'inspect', 'traceback',
                  'functools', 'contextlib', 'argparse', 'typing', 're._parser', 'asyncio.tasks'])
"#;

fn corpus(py: Python<'_>) -> Vec<Bound<'_, PyCode>> {
    let globals = pyo3::types::PyDict::new(py);
    py.run(&std::ffi::CString::new(CORPUS).unwrap(), Some(&globals), None).unwrap();
    let codes = globals.get_item("codes").unwrap().unwrap().cast_into::<PyList>().unwrap();
    codes.iter().map(|c| c.cast_into::<PyCode>().unwrap()).collect()
}

fn instrs_of(code: &Bound<'_, PyCode>) -> Vec<Instr> {
    let co_code: Vec<u8> = code.getattr("co_code").unwrap().extract().unwrap();
    decode(&co_code).unwrap()
}

#[test]
fn decoding_matches_dis_on_real_code() {
    Python::attach(|py| {
        let dis = py.import("dis").unwrap();
        let codes = corpus(py);
        assert!(codes.len() > 1000, "corpus too small: {}", codes.len());
        for code in &codes {
            let ours = instrs_of(code);
            // dis yields EXTENDED_ARG as its own instruction; fold it the way we do.
            let mut theirs = Vec::new();
            for ins in dis.call_method1("get_instructions", (code,)).unwrap().try_iter().unwrap() {
                let ins = ins.unwrap();
                let name: String = ins.getattr("opname").unwrap().extract().unwrap();
                if name == "EXTENDED_ARG" {
                    continue;
                }
                let offset: u32 = ins.getattr("offset").unwrap().extract().unwrap();
                let arg: Option<u32> = ins.getattr("arg").unwrap().extract().unwrap();
                theirs.push((offset / 2, name, arg.unwrap_or(0)));
            }
            let mine: Vec<_> = ours.iter().map(|i| (i.unit, i.op.name().to_string(), i.oparg)).collect();
            assert_eq!(mine, theirs, "{code:?}");
            for i in &ours {
                if let Some(t) = i.target() {
                    assert!(ours.iter().any(|j| j.start == t), "{code:?}: bad target {t}");
                }
            }
        }
    });
}

#[test]
fn exception_tables_match_dis() {
    Python::attach(|py| {
        let dis = py.import("dis").unwrap();
        let mut protected = 0;
        for code in corpus(py) {
            let table: Vec<u8> = code.getattr("co_exceptiontable").unwrap().extract().unwrap();
            let ours = exception_table::parse(&table).unwrap();
            let theirs: Vec<Entry> = dis
                .call_method1("_parse_exception_table", (&code,))
                .unwrap()
                .try_iter()
                .unwrap()
                .map(|e| {
                    let e = e.unwrap();
                    let get = |a: &str| -> u32 { e.getattr(a).unwrap().extract().unwrap() };
                    Entry {
                        start: get("start") / 2,
                        end: get("end") / 2,
                        target: get("target") / 2,
                        depth: get("depth"),
                        lasti: e.getattr("lasti").unwrap().extract().unwrap(),
                    }
                })
                .collect();
            protected += ours.len();
            assert_eq!(ours, theirs, "{code:?}");
        }
        assert!(protected > 100);
    });
}

#[test]
fn flow_analysis_succeeds_within_the_declared_stack_size() {
    Python::attach(|py| {
        let mut reachable = 0usize;
        let mut total = 0usize;
        for code in corpus(py) {
            let table: Vec<u8> = code.getattr("co_exceptiontable").unwrap().extract().unwrap();
            let stacksize: u32 = code.getattr("co_stacksize").unwrap().extract().unwrap();
            let flow = analyze(instrs_of(&code), &table, stacksize)
                .unwrap_or_else(|e| panic!("{code:?}: {e}"));
            assert!(flow.max_depth <= stacksize);
            assert_eq!(flow.depth[0], Some(0));
            assert!(flow.instrs.last().is_some());
            for (i, instr) in flow.instrs.iter().enumerate() {
                if let Some(d) = flow.depth[i] {
                    if instr.op == diojit::cpython::opcode::Op::RETURN_VALUE {
                        assert_eq!(d, 1, "{code:?} returns with a non-empty stack");
                    }
                }
            }
            reachable += flow.depth.iter().filter(|d| d.is_some()).count();
            total += flow.instrs.len();
        }
        // Handlers are the only unreachable code; most code is reachable.
        assert!(reachable * 10 > total * 7, "{reachable} of {total}");
    });
}

#[test]
fn handlers_of_reachable_code_are_reached_at_their_depth() {
    use diojit::compiler::exception_table;
    Python::attach(|py| {
        let mut handlers = 0;
        for code in corpus(py) {
            let table: Vec<u8> = code.getattr("co_exceptiontable").unwrap().extract().unwrap();
            let stacksize: u32 = code.getattr("co_stacksize").unwrap().extract().unwrap();
            let flow = analyze(instrs_of(&code), &table, stacksize).unwrap();
            for (i, instr) in flow.instrs.iter().enumerate() {
                let Some(e) = exception_table::lookup(&flow.exceptions, instr.unit) else { continue };
                if flow.depth[i].is_none() {
                    continue;
                }
                let h = flow.index_of(e.target).expect("handler is an instruction");
                assert_eq!(flow.depth[h], Some(e.handler_depth()), "{code:?}: handler at {}", e.target);
                handlers += 1;
            }
        }
        assert!(handlers > 0, "the corpus has protected code");
    });
}
