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
