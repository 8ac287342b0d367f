"""python -m diojit: the program sees what ``python script.py`` gives it."""

import os
import signal
import textwrap

import pytest

from conftest import run_python

PROBE = textwrap.dedent(
    """
    import sys
    def show(k, v):
        if k in ("__loader__", "__builtins__"):
            return type(v).__name__
        if k == "__spec__" and v is not None:
            return (v.name, v.origin, type(v.loader).__name__)
        return v
    g = {k: show(k, v) for k, v in globals().items() if k.startswith("__")}
    print(sorted(g.items(), key=str))
    print(list(g))
    print(sys.argv)
    print(sys.path[0])
    print(sys.modules["__main__"] is sys.modules[__name__])
    import pickle
    class P: pass
    print(type(pickle.loads(pickle.dumps(P()))).__name__)
    """
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def jit_enabled_line():
    return "import diojit; print('jit', diojit.is_enabled())\n"


def test_script_sees_the_same_main_argv_and_path(tmp_path):
    script = write(tmp_path, "sub/probe.py", PROBE)
    plain = run_python("sub/probe.py", "a", "--stats", cwd=tmp_path)
    jitted = run_python("-m", "diojit", "sub/probe.py", "a", "--stats", cwd=tmp_path)
    assert plain.returncode == jitted.returncode == 0, jitted.stderr
    assert jitted.stdout == plain.stdout
    assert str(script.parent) in plain.stdout


def test_module_mode_matches_python_dash_m(tmp_path):
    write(tmp_path, "pkg/__init__.py", "")
    write(tmp_path, "pkg/probe.py", PROBE)
    plain = run_python("-m", "pkg.probe", "x", "y", cwd=tmp_path)
    jitted = run_python("-m", "diojit", "-m", "pkg.probe", "x", "y", cwd=tmp_path)
    assert plain.returncode == jitted.returncode == 0, jitted.stderr
    assert jitted.stdout == plain.stdout


def test_script_runs_under_the_jit_and_stats_are_printed(tmp_path):
    script = write(
        tmp_path,
        "fib.py",
        """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(18))
        """
        + jit_enabled_line(),
    )
    r = run_python("-m", "diojit", "--stats", str(script))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["2584", "jit True"]
    assert "diojit stats" in r.stderr
    calls = next(l for l in r.stderr.splitlines() if "calls run as native code" in l)
    assert int(calls.split()[-1].replace(",", "")) > 8000
    hot = next(l for l in r.stderr.splitlines() if "hot functions" in l)
    assert int(hot.split()[-1]) >= 1


def test_threshold_option(tmp_path):
    script = write(tmp_path, "t.py", "import diojit; print(diojit.stats()['threshold'])\n")
    for args in (["--threshold", "5"], ["--threshold=5"]):
        r = run_python("-m", "diojit", *args, str(script))
        assert r.stdout.strip() == "5", r.stderr


@pytest.mark.parametrize(
    "body, code",
    [
        ("import sys; sys.exit(3)", 3),
        ("raise SystemExit(0)", 0),
        ("import sys; sys.exit('bye')", 1),
        ("pass", 0),
        ("import os; os._exit(7)", 7),
    ],
)
def test_exit_codes_and_messages_match(tmp_path, body, code):
    script = write(tmp_path, "e.py", body + "\n")
    plain = run_python(str(script))
    jitted = run_python("-m", "diojit", str(script))
    assert plain.returncode == jitted.returncode == code
    assert jitted.stderr == plain.stderr


def test_uncaught_exception_traceback_matches(tmp_path):
    script = write(
        tmp_path,
        "boom.py",
        """
        def inner(x):
            return {}[x]
        def outer():
            try:
                inner("k")
            except KeyError as e:
                raise ValueError("wrapped") from e
        outer()
        """,
    )
    plain = run_python(str(script))
    jitted = run_python("-m", "diojit", str(script))
    assert plain.returncode == jitted.returncode == 1
    assert jitted.stderr == plain.stderr
    assert "ValueError: wrapped" in jitted.stderr


def test_custom_excepthook_is_used(tmp_path):
    script = write(
        tmp_path,
        "hook.py",
        """
        import sys
        sys.excepthook = lambda t, v, tb: print("hooked", t.__name__, v)
        raise RuntimeError("x")
        """,
    )
    plain = run_python(str(script))
    jitted = run_python("-m", "diojit", str(script))
    assert (plain.returncode, plain.stdout) == (jitted.returncode, jitted.stdout) == (1, "hooked RuntimeError x\n")


def test_keyboard_interrupt_exits_like_python(tmp_path):
    script = write(tmp_path, "ki.py", "raise KeyboardInterrupt\n")
    plain = run_python(str(script))
    jitted = run_python("-m", "diojit", str(script))
    assert plain.returncode == jitted.returncode == -signal.SIGINT
    assert jitted.stderr == plain.stderr


def test_missing_script(tmp_path):
    plain = run_python(str(tmp_path / "nope.py"))
    jitted = run_python("-m", "diojit", str(tmp_path / "nope.py"))
    assert plain.returncode == jitted.returncode == 2
    assert jitted.stderr.split(":", 1)[1] == plain.stderr.split(":", 1)[1]


def test_missing_module(tmp_path):
    plain = run_python("-m", "no_such_module_xyz", cwd=tmp_path)
    jitted = run_python("-m", "diojit", "-m", "no_such_module_xyz", cwd=tmp_path)
    assert plain.returncode == jitted.returncode == 1
    assert jitted.stderr == plain.stderr


def test_directory_with_main(tmp_path):
    write(tmp_path, "app/__main__.py", "import sys; print('app', sys.argv[1:], __name__)\n")
    plain = run_python("app", "q", cwd=tmp_path)
    jitted = run_python("-m", "diojit", "app", "q", cwd=tmp_path)
    assert plain.returncode == jitted.returncode == 0, jitted.stderr
    assert jitted.stdout == plain.stdout == "app ['q'] __main__\n"


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "no script or -m module given"),
        (["--bogus", "x.py"], "unknown option --bogus"),
        (["--threshold", "0", "x.py"], "--threshold must be a positive integer"),
        (["--threshold"], "--threshold needs a value"),
        (["-m"], "-m needs a module name"),
    ],
)
def test_usage_errors(args, message):
    r = run_python("-m", "diojit", *args)
    assert r.returncode == 2
    assert "usage: python -m diojit" in r.stderr
    assert message in r.stderr


def test_help():
    r = run_python("-m", "diojit", "--help")
    assert r.returncode == 0
    assert r.stdout.startswith("usage: python -m diojit")


def test_children_run_under_the_jit(tmp_path):
    script = write(
        tmp_path,
        "parent.py",
        """
        import subprocess, sys
        print(subprocess.run([sys.executable, "-c", "import diojit; print(diojit.is_enabled())"],
                             capture_output=True, text=True).stdout.strip())
        """,
    )
    r = run_python("-m", "diojit", str(script))
    assert r.stdout.strip() == "True", r.stderr
    assert "DIOJIT" not in os.environ
