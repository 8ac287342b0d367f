//! Which functions run their self calls without frames, and the sites where
//! their frames can be built (`compiler::frameless::plan`), on real code.

use diojit::compiler::bytecode::decode;
use diojit::compiler::flow::analyze;
use diojit::compiler::bound;
use diojit::compiler::frameless::{plan, At, Kind, Plan};
use diojit::cpython::layout::CodeObject;
use pyo3::prelude::*;
use pyo3::types::PyCode;

const SOURCE: &str = r#"
def fib(a):
    if a <= 2:
        return 1
    return fib(a - 1) + fib(a - 2)

def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z

def pick(a, b):
    return a if a < b else -b

def stores(n):
    m = n - 1
    if m <= 0:
        return 0
    k = stores(m)
    return k + stores(m - 1)

def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)

def maybe(n):
    if n > 3:
        m = n - 2
    if n == 0:
        return 0
    return maybe(n - 1) + m

def partial(n):
    if n > 3:
        x = n * 2
    if n <= 0:
        return 0
    return partial(n - 1) + 1

def rebinds(n):
    n = n - 1
    if n <= 0:
        return 0
    return rebinds(n)

def loops(n):
    while n > 0:
        n = n - 1
    return n

def other(n):
    if n == 0:
        return 0
    return fib(n) + other(n - 1)

def floats(n):
    if n == 0:
        return 0.5
    return floats(n - 1)

def shifts(n):
    if n == 0:
        return 0
    return shifts(n >> 1)

def keywords(n):
    if n == 0:
        return 0
    return keywords(n=n - 1)

def guarded(n):
    try:
        return guarded(n - 1)
    except RecursionError:
        return n
"#;

/// The plan of function `name` of [`SOURCE`], all parameters taken as ints.
fn plan_of(name: &str) -> Option<Plan> {
    Python::attach(|py| {
        let globals = pyo3::types::PyDict::new(py);
        py.run(&std::ffi::CString::new(SOURCE).unwrap(), Some(&globals), None).unwrap();
        let func = globals.get_item(name).unwrap().unwrap();
        let code = func.getattr("__code__").unwrap().cast_into::<PyCode>().unwrap();
        let co_code: Vec<u8> = code.getattr("co_code").unwrap().extract().unwrap();
        let table: Vec<u8> = code.getattr("co_exceptiontable").unwrap().extract().unwrap();
        let stacksize: u32 = code.getattr("co_stacksize").unwrap().extract().unwrap();
        let nlocals: usize = code.getattr("co_nlocals").unwrap().extract().unwrap();
        let argcount: usize = code.getattr("co_argcount").unwrap().extract().unwrap();
        let flow = analyze(decode(&co_code).unwrap(), &table, stacksize).unwrap();
        let bound = bound::analyze(&flow, &(0..nlocals).map(|i| i < argcount).collect::<Vec<_>>());
        let int = std::ptr::addr_of_mut!(pyo3::ffi::PyLong_Type) as u64;
        let types: Vec<_> = (0..nlocals).map(|i| (i < argcount).then_some(int)).collect();
        // SAFETY: a live code object, the GIL held.
        unsafe { plan(code.as_ptr() as *mut CodeObject, &flow, &bound, &types) }
    })
}

fn call_stacks(plan: &Plan) -> Vec<Vec<Kind>> {
    plan.sites
        .iter()
        .filter(|s| matches!(s.at, At::Call { .. }))
        .map(|s| s.stack.clone())
        .collect()
}

#[test]
fn int_recursion_has_a_plan_with_its_waiting_values() {
    let fib = plan_of("fib").expect("fib runs without frames");
    assert_eq!(fib.argcount, 1);
    // The second call waits with the first one's result below it.
    assert_eq!(call_stacks(&fib), vec![vec![], vec![Kind::Int]]);
    assert_eq!(fib.sites[0].at, At::Resume { start: 0 });
    assert!(fib.sites[0].stack.is_empty());

    let tak = plan_of("tak").expect("tak runs without frames");
    // The inner calls wait inside the outer call's arguments.
    let stacks = call_stacks(&tak);
    assert_eq!(stacks.len(), 4);
    assert_eq!(stacks[0], vec![Kind::Null, Kind::Callee]);
    assert_eq!(stacks[1], vec![Kind::Null, Kind::Callee, Kind::Int]);
    assert_eq!(stacks[2], vec![Kind::Null, Kind::Callee, Kind::Int, Kind::Int]);
    assert_eq!(stacks[3], vec![]);

    assert!(plan_of("pick").is_none(), "no self call: nothing to gain, no root to start from");

    // A stored local is built where it is bound: the second call waits
    // with `k` (local 2) and `m` (local 1) bound; the first with `m` only.
    let stores = plan_of("stores").expect("stores runs without frames");
    let waits: Vec<Vec<u32>> =
        stores.sites.iter().filter(|s| matches!(s.at, At::Call { .. })).map(|s| s.locals.clone()).collect();
    assert_eq!(waits, vec![vec![1], vec![1, 2]]);

    assert!(plan_of("gcd").is_some(), "gcd: % by what may be a positive divisor");
}

#[test]
fn anything_else_keeps_its_frames() {
    // (`maybe` reads `m` where it may be unbound, and `partial` would have
    // to show `x` in some built frames and not in others; `rebinds` stores
    // to a parameter, which then is not specialised.)
    for name in ["loops", "other", "floats", "shifts", "keywords", "guarded", "maybe", "partial", "rebinds"] {
        assert!(plan_of(name).is_none(), "{name} must keep its frames");
    }
}
