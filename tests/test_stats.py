"""stats(), reset_stats(), the readable report."""

import diojit
from conftest import run_code

DOCUMENTED_KEYS = {
    "enabled",
    "threshold",
    "calls",
    "native_calls",
    "passed_through",
    "functions_seen",
    "hot_functions",
    "opted_out",
    "deep_recursion",
    "frames_built",
    "internal_errors",
    "compiled",
    "code_bytes",
    "compile_time_ns",
    "compile_failures",
    "side_exits",
    "side_exits_by_opcode",
    "invalidations",
    "recompiles",
    "cache_misses",
    "code_cache_used_bytes",
    "code_cache_limit_bytes",
    "code_cache_full",
}


def test_stats_has_exactly_the_documented_keys():
    s = diojit.stats()
    assert set(s) == DOCUMENTED_KEYS
    by_reason = {"compile_failures", "side_exits", "side_exits_by_opcode", "invalidations", "recompiles", "cache_misses"}
    for key in by_reason:
        assert isinstance(s[key], dict)
    for key in DOCUMENTED_KEYS - by_reason - {"enabled", "code_cache_full"}:
        assert isinstance(s[key], int) and s[key] >= 0, key


def test_calls_and_functions_are_counted(jit):
    def leaf(x):
        return x

    before = diojit.stats()
    for i in range(50):
        leaf(i)
    after = diojit.stats()
    assert after["calls"] - before["calls"] >= 50
    assert after["functions_seen"] - before["functions_seen"] >= 1


def test_hot_functions_counted_once_each(jit):
    diojit.enable(threshold=10)

    def a():
        pass

    def b():
        pass

    before = diojit.stats()["hot_functions"]
    for _ in range(30):
        a()
        b()
    assert diojit.stats()["hot_functions"] - before == 2


def test_reset_stats_zeroes_counters_but_keeps_profiles(jit):
    def f(x):
        return x

    for i in range(20):
        f(i)
    diojit.disable()  # so that nothing counts calls after the reset
    diojit.reset_stats()
    s = diojit.stats()
    assert s["calls"] == 0 and s["functions_seen"] == 0 and s["hot_functions"] == 0
    assert s["compile_failures"] == {} and s["side_exits"] == {} and s["invalidations"] == {}
    assert s["recompiles"] == {}
    assert s["side_exits_by_opcode"] == {}
    assert diojit.info(f)["calls"] == 20


def test_no_internal_errors_after_ordinary_work(jit):
    def f(a, b):
        return a + b

    for i in range(300):
        f(i, i)
        f(str(i), "x")
    assert diojit.stats()["internal_errors"] == 0
    assert diojit.stats()["deep_recursion"] == 0


def test_format_stats_is_readable(jit):
    def f():
        pass

    for _ in range(3):
        f()
    text = diojit.format_stats()
    assert text.startswith("diojit stats")
    assert "calls seen by the hook" in text
    assert "compile failures" in text and "side exits" in text
    line = next(l for l in text.splitlines() if "calls seen by the hook" in l)
    assert int(line.split()[-1].replace(",", "")) > 0


def test_format_stats_lists_reasons():
    text = diojit.format_stats(
        dict(diojit.stats(), compile_failures={"unsupported opcode": 3, "too big": 1})
    )
    lines = text.splitlines()
    i = next(i for i, l in enumerate(lines) if l.strip().startswith("compile failures"))
    assert lines[i].split()[-1] == "4"
    assert "unsupported opcode" in lines[i + 1] and lines[i + 1].split()[-1] == "3"
    assert "too big" in lines[i + 2]


def test_invalidations_by_reason_without_recompiles():
    out = run_code(
        """
        import diojit
        diojit.enable(threshold=1)
        counter = 0
        LIMIT = 10

        def bump(n):
            global counter
            for i in range(n):
                counter += 1          # stores a global in the hot loop...
                if counter > LIMIT:   # ...whose neighbours are then reread
                    counter = 0
            return counter

        bump(1000)
        s = diojit.stats()
        print(s["invalidations"].get("globals changed, global still valid", 0) > 500)
        print(s["recompiles"])
        del LIMIT        # the name moves to another entry: the next read refills
        LIMIT = 20
        print(bump(30))
        print(diojit.stats()["invalidations"].get("global rebound or deleted", 0) >= 1)
        """
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:4] == ["True", "{}", "19", "True"]
