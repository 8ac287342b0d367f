"""Compiled state as users see it: info(), dis(), the code-cache cap,
fallbacks, and the JIT staying out of subinterpreters."""

import io
import sys

import pytest

import diojit
from conftest import clean_env, run_code


def test_info_reports_native_code(jit):
    diojit.enable(threshold=2)

    def f(a):
        return a * 2

    f(1)
    assert diojit.info(f)["native"] is None
    f(2)
    info = diojit.info(f)
    assert info["state"] == "compiled"
    native = info["native"]
    assert native["size"] > 0 and native["address"] > 0 and native["compile_time_ns"] > 0
    assert native["instructions"] >= 4
    assert info["fallback_reason"] is None
    stats = diojit.stats()
    assert stats["compiled"] >= 1 and stats["code_bytes"] >= native["size"]
    assert stats["code_cache_used_bytes"] >= native["size"]
    assert stats["code_cache_full"] is False


def test_generators_are_resumed_natively(jit):
    diojit.enable(threshold=1)

    def gen(n):
        for i in range(n):
            yield i * 2

    assert list(gen(3)) == [0, 2, 4]
    assert diojit.info(gen)["state"] == "compiled"
    before = diojit.stats()["native_calls"]
    assert sum(gen(100)) == 9900
    # Each of the 101 resumptions ran the generator's native code.
    assert diojit.stats()["native_calls"] - before >= 101


def test_coroutines_pass_straight_through(jit):
    diojit.enable(threshold=1)

    async def coro():
        return 7

    c = coro()
    try:
        c.send(None)
    except StopIteration as e:
        assert e.value == 7
    assert diojit.info(coro)["state"] == "cold"


def test_dis_interleaves_machine_code_with_bytecode(jit):
    diojit.enable(threshold=1)

    def f(a, b):
        return a + b

    f(1, 2)
    out = io.StringIO()
    diojit.dis(f, file=out)
    text = out.getvalue()
    assert "bytes of native code at 0x" in text
    assert "; prologue" in text and "; out-of-line paths" in text
    lines = text.splitlines()
    binary = next(i for i, l in enumerate(lines) if "BINARY_OP" in l)
    # The instruction is followed by its own machine code (the int fast
    # path loads both operands from the frame's value stack)...
    block = lines[binary + 1 : binary + 4]
    assert all(l.startswith("        0x") for l in block), block
    assert "[rbx+" in block[0]
    # ... and its slow path calls the interpreter's generic operation.
    assert "call r11" in text
    assert any(l.endswith(" ret") for l in lines)


def test_dis_of_uncompiled_function_says_why():
    def g():
        pass

    out = io.StringIO()
    diojit.dis(g, file=out)
    assert out.getvalue().strip() == "%s: no native code (state: cold)" % g.__qualname__


def test_code_cache_cap_stops_compiling_cleanly():
    r = run_code(
        """
        import diojit
        diojit.enable(threshold=1)
        fns = []
        for i in range(400):
            ns = {}
            exec("def f%d(x):\\n    return " % i + " + ".join(["x"] * 60), ns)
            fns.append(ns["f%d" % i])
        total = sum(f(1) for f in fns)
        s = diojit.stats()
        print(total, s["code_cache_full"], s["compile_failures"].get("code cache full", 0) > 0)
        print(s["code_cache_used_bytes"] <= s["code_cache_limit_bytes"] == 1 << 20)
        """,
        env=clean_env(DIOJIT_CODE_MB="1"),
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["24000", "True", "True", "True"]


def test_bad_code_cap_is_a_clear_error():
    r = run_code(
        """
        import diojit
        try:
            diojit.enable()
        except ValueError as e:
            print(e)
        """,
        env=clean_env(DIOJIT_CODE_MB="lots"),
    )
    assert r.stdout.strip() == 'DIOJIT_CODE_MB must be a positive integer, got "lots"', r.stderr


def test_subinterpreters_run_without_the_jit_and_quietly():
    r = run_code(
        """
        import _xxsubinterpreters as interpreters, diojit
        interp = interpreters.create()
        interpreters.run_string(interp, "import diojit; assert not diojit.is_enabled(); print('sub ok', diojit.IN_SUBINTERPRETER)")
        interpreters.destroy(interp)
        print("main", diojit.is_enabled())
        """,
        env=clean_env(DIOJIT="1", DIOJIT_THRESHOLD="1"),
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["sub ok True", "main True"]
    assert r.stderr == ""


def test_other_pep523_users_free_functions_are_not_called_on_code_they_never_touched():
    code = """
        import ctypes, gc
        {enable}
        py = ctypes.pythonapi
        freefunc = ctypes.CFUNCTYPE(None, ctypes.c_voidp)
        request = py._PyEval_RequestCodeExtraIndex
        request.argtypes = (freefunc,)
        request.restype = ctypes.c_ssize_t
        freed = []
        FREE = freefunc(lambda ptr: freed.append(ptr))
        request(FREE)
        def make():
            def f(x):
                return x + 1
            return f
        f = make()
        for i in range(3):
            f(i)
        del f
        gc.collect()
        print(len(freed))
        """
    plain = run_code(code.format(enable=""))
    jitted = run_code(code.format(enable="import diojit; diojit.enable(threshold=1)"))
    assert plain.returncode == jitted.returncode == 0, jitted.stderr
    assert plain.stdout == jitted.stdout == "0\n"


def test_argument_type_specialisation_recompiles_when_types_change(jit):
    def double(x):
        return x + x

    for i in range(150):
        assert double(i) == 2 * i
    assert diojit.info(double)["state"] == "compiled"
    before = diojit.stats()
    assert double(0.5) == 1.0
    # One call, one exit: the frame then runs in the interpreter.
    first = diojit.stats()
    assert first["side_exits"].get("argument_type", 0) - before["side_exits"].get("argument_type", 0) == 1
    assert first["recompiles"] == {}
    for i in range(1, 20):
        assert double(i + 0.5) == 2 * i + 1.0
    after = diojit.stats()
    # A few calls with the new type leave the int-specialised code at its
    # entry; then the function is compiled again without the check.
    exits = after["side_exits"].get("argument_type", 0) - before["side_exits"].get("argument_type", 0)
    assert exits == 8
    assert after["recompiles"] == {"argument types changed": 1}
    assert double("ab") == "abab" and double([1]) == [1, 1]
    assert diojit.stats()["side_exits"]["argument_type"] == exits
    assert diojit.info(double)["state"] == "compiled"


def test_loop_function_recompiles_at_its_first_mismatch(jit):
    def total(xs, scale):
        s = 0
        for x in xs:
            s += x * scale
        return s

    assert total([1, 2, 3], 2) == 12  # compiled at its first call (a loop)
    assert total([1, 2, 3], 0.5) == 3.0
    assert diojit.stats()["recompiles"] == {"argument types changed": 1}
    assert total((1, 2), 1) == 3
    assert diojit.stats()["recompiles"] == {"argument types changed": 1}


def test_loop_function_compiled_again_once_warm(jit):
    class Node:
        def __init__(self, nxt, val):
            self.next, self.val = nxt, val

    def total(node):
        s = 0
        while node is not None:
            s += node.val
            node = node.next
        return s

    head = None
    for i in range(50):
        head = Node(head, i)
    results = {total(head) for _ in range(20)}
    assert results == {sum(range(50))}
    # Compiled at its first call, again at its eighth, with what its
    # caches saw as the profile.
    assert diojit.stats()["recompiles"] == {"loop function warmed up": 1}
    assert diojit.info(total)["state"] == "compiled"


def test_compiling_leaves_no_allocation_behind(jit):
    import tracemalloc

    diojit.enable(threshold=2)

    def g(x):
        return x + 1

    g(1)  # the first call attaches the profile
    tracemalloc.start()
    try:
        g(2)  # the second compiles
        line = sys._getframe().f_lineno - 1
        snap = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    assert diojit.info(g)["state"] == "compiled"
    here = [s for s in snap.statistics("lineno") if s.traceback[0].filename == __file__ and s.traceback[0].lineno == line]
    assert here == []
