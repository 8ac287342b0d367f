//! The 3.11 opcode table in `src/cpython/opcode.rs` against the running
//! interpreter's `opcode` and `dis` modules.

use diojit::cpython::opcode::Op;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict};

#[test]
fn numbers_names_and_caches_match_the_opcode_module() {
    Python::attach(|py| {
        let opcode = py.import("opcode").unwrap();
        let opmap = opcode.getattr("opmap").unwrap().cast_into::<PyDict>().unwrap();
        let caches: Vec<u32> = opcode.getattr("_inline_cache_entries").unwrap().extract().unwrap();
        assert_eq!(opmap.len(), Op::ALL.len());
        for (name, value) in opmap.iter() {
            let name: String = name.extract().unwrap();
            let value: u8 = value.extract().unwrap();
            let op = Op::from_u8(value).unwrap_or_else(|| panic!("{name} ({value}) missing"));
            assert_eq!(op.name(), name);
            assert_eq!(op.caches(), caches[value as usize], "{name}");
        }
    });
}

#[test]
fn jumps_match_hasjrel() {
    Python::attach(|py| {
        let hasjrel: Vec<u8> = py.import("opcode").unwrap().getattr("hasjrel").unwrap().extract().unwrap();
        for &op in Op::ALL {
            assert_eq!(op.jump_target(3, 10).is_some(), hasjrel.contains(&(op as u8)), "{}", op.name());
        }
        assert_eq!(Op::JUMP_FORWARD.jump_target(3, 10), Some(13));
        assert_eq!(Op::JUMP_BACKWARD.jump_target(3, 10), Some(7));
    });
}

#[test]
fn stack_effects_match_dis_with_runtime_call_accounting() {
    Python::attach(|py| {
        let dis = py.import("dis").unwrap();
        for &op in Op::ALL {
            if op == Op::CACHE {
                continue;
            }
            for oparg in [0u32, 1, 2, 3, 7, 0x104, 0x0f] {
                for jump in [false, true] {
                    let ours = op.stack_effect(oparg, jump);
                    let theirs: PyResult<i32> = dis
                        .call_method("stack_effect", (op as u8, oparg), Some(&[("jump", jump)].into_py_dict(py).unwrap()))
                        .and_then(|v| v.extract());
                    let Ok(theirs) = theirs else { continue };
                    // The compiler charges PRECALL with popping the arguments
                    // and CALL with the rest; at run time CALL does it all.
                    let expected = match op {
                        Op::PRECALL => 0,
                        Op::CALL => theirs - oparg as i32,
                        _ => theirs,
                    };
                    assert_eq!(ours, expected, "{} oparg={oparg} jump={jump}", op.name());
                }
            }
        }
    });
}


#[test]
fn specialised_opcodes_deoptimize_like_dis() {
    use diojit::cpython::opcode::deoptimize;
    Python::attach(|py| {
        let dis = py.import("dis").unwrap();
        let all = dis.getattr("_all_opmap").unwrap().cast_into::<PyDict>().unwrap();
        let deopt = dis.getattr("deoptmap").unwrap().cast_into::<PyDict>().unwrap();
        for (name, value) in all.iter() {
            let name: String = name.extract().unwrap();
            let value: u8 = value.extract().unwrap();
            let base: String = match deopt.get_item(&name).unwrap() {
                Some(b) => b.extract().unwrap(),
                None => name.clone(),
            };
            assert_eq!(deoptimize(value).map(|op| op.name()), Some(base.as_str()), "{name}");
        }
        assert_eq!(deoptimize(255), None);
    });
}

#[test]
fn quickened_code_reads_back_as_co_code() {
    use diojit::cpython::layout::CodeObject;
    use diojit::cpython::opcode::deoptimized_bytes;
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"class P:\n    def __init__(self):\n        self.x = 1\n\
              def f(p, xs, n):\n    t = 0\n    for i in range(n):\n        t += p.x + len(xs) + xs[i % 3] * 2.5\n        t = t - i\n    return t\n\
              for _ in range(50):\n    f(P(), [1, 2, 3], 20)\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let code = globals.get_item("f").unwrap().unwrap().getattr("__code__").unwrap();
        let raw = code.as_ptr() as *mut CodeObject;
        // SAFETY: a live code object; its adaptive bytecode has ob_size
        // units (quickened by now).
        let ours = unsafe {
            let units = std::slice::from_raw_parts(CodeObject::first_instr(raw), (*raw).ob_size as usize);
            let adaptive: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
            let co_code: Vec<u8> = code.getattr("co_code").unwrap().extract().unwrap();
            assert_ne!(adaptive, co_code, "the code should be quickened");
            deoptimized_bytes(units).unwrap()
        };
        let co_code: Vec<u8> = code.getattr("co_code").unwrap().extract().unwrap();
        assert_eq!(ours, co_code);
    });
}
