"""Deep recursion, threads, and the hook's robustness."""

import threading

import diojit
from conftest import clean_env, run_code

RECURSE_UNBOUNDED = """
import sys, diojit
sys.setrecursionlimit(10**6)
diojit.enable(threshold=1)
def down(n):
    return down(n + 1) + 1
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print("alive", diojit.stats()["deep_recursion"] > 0)
"""


def test_unbounded_recursion_with_huge_limit_raises_recursion_error():
    r = run_code(RECURSE_UNBOUNDED)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.splitlines() == [
        "RecursionError: maximum recursion depth exceeded",
        "alive True",
    ]


def test_unbounded_recursion_in_a_small_thread_stack():
    r = run_code(
        """
        import sys, threading, diojit
        sys.setrecursionlimit(10**6)
        threading.stack_size(1024 * 1024)
        diojit.enable()
        out = []
        def down(n):
            return down(n + 1)
        def body():
            try:
                down(0)
            except RecursionError:
                out.append("RecursionError")
        t = threading.Thread(target=body)
        t.start(); t.join()
        print(out)
        """
    )
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.strip() == "['RecursionError']"


def test_deep_but_bounded_recursion_still_works():
    r = run_code(
        """
        import sys, diojit
        sys.setrecursionlimit(10**6)
        diojit.enable()
        def depth(n):
            return 0 if n == 0 else depth(n - 1) + 1
        print(depth(5000))
        """
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "5000"


def test_default_recursion_limit_behaves_as_without_the_jit():
    code = """
        import sys
        {enable}
        def down(n):
            try:
                return down(n + 1)
            except RecursionError:
                return n
        print(down(0))
        """
    plain = run_code(code.format(enable=""))
    jitted = run_code(code.format(enable="import diojit; diojit.enable(threshold=1)"))
    assert plain.returncode == jitted.returncode == 0, jitted.stderr
    assert plain.stdout == jitted.stdout


def test_hook_runs_in_every_thread(jit):
    def work(x):
        return x + 1

    def body():
        for i in range(1000):
            work(i)

    threads = [threading.Thread(target=body) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert diojit.info(work)["calls"] == 8000
    assert diojit.stats()["internal_errors"] == 0


def test_threads_started_before_enable_are_hooked():
    r = run_code(
        """
        import threading, diojit
        started, go, done = threading.Event(), threading.Event(), threading.Event()
        def work(x):
            return x
        def body():
            started.set()
            go.wait()
            for i in range(100):
                work(i)
            done.set()
        t = threading.Thread(target=body)
        t.start()
        started.wait()
        diojit.enable()
        go.set()
        t.join()
        print(diojit.info(work)["calls"])
        """
    )
    assert r.stdout.strip() == "100", r.stderr


def test_a_raised_limit_program_survives_the_whole_program_switch():
    r = run_code(RECURSE_UNBOUNDED.replace("diojit.enable(threshold=1)", ""), env=clean_env(DIOJIT="1"))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "RecursionError: maximum recursion depth exceeded" in r.stdout


def test_a_foreign_evaluator_sees_every_call_of_compiled_code():
    # A debugger or profiler installing its own PEP 523 evaluator must see
    # calls that compiled code makes to other compiled functions.
    r = run_code(
        """
        import diojit, _testinternalcapi
        diojit.enable(threshold=1)

        class C:
            def __getitem__(self, i):
                return i

        def leaf(x):
            return C()[x]

        def caller(n):
            return [leaf(i) for i in range(n)]

        caller(5)
        assert diojit.info(caller)["state"] == "compiled", diojit.info(caller)
        seen = []
        _testinternalcapi.set_eval_frame_record(seen)
        try:
            caller(3)
        finally:
            _testinternalcapi.set_eval_frame_default()
        print(seen)
        """
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(["caller", "<listcomp>"] + ["leaf", "__getitem__"] * 3)
