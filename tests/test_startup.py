"""DIOJIT=1 / DIOJIT_STATS=1: the whole-program switch at interpreter start."""

import pytest

from conftest import clean_env, run_code


def test_diojit_env_enables_at_startup():
    r = run_code("import diojit; print(diojit.is_enabled())", env=clean_env(DIOJIT="1"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "True"


def test_program_without_diojit_import_runs_jitted():
    r = run_code(
        """
        import sys
        def f(x):
            return x
        for i in range(200):
            f(i)
        print(sys.modules["diojit"].info(f)["state"])
        """,
        env=clean_env(DIOJIT="1"),
    )
    assert r.stdout.strip() == "compiled", r.stderr


@pytest.mark.parametrize("value", [None, "", "0", "false", "off", "no"])
def test_unset_or_false_does_nothing(value):
    env = clean_env() if value is None else clean_env(DIOJIT=value)
    r = run_code("import sys; print('diojit' in sys.modules)", env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"
    assert r.stderr == ""


def test_stats_report_at_exit():
    r = run_code(
        """
        def f(n):
            return n if n < 2 else f(n - 1) + f(n - 2)
        print(f(15))
        """,
        env=clean_env(DIOJIT="1", DIOJIT_STATS="1"),
    )
    assert r.returncode == 0
    assert r.stdout.strip() == "610"
    assert r.stderr.startswith("diojit stats")
    counts = {
        label: int(line.split()[-1].replace(",", ""))
        for line in r.stderr.splitlines()
        for label in ("calls seen by the hook", "calls run as native code", "functions compiled")
        if line.strip().startswith(label)
    }
    # f is called 1973 times: the first ones through the hook, the hot rest as native code
    # (compiled calls to compiled code skip the hook entirely).
    assert counts["calls seen by the hook"] >= 100
    assert counts["functions compiled"] >= 1
    assert counts["calls run as native code"] >= 1973 - 200


def test_threshold_env_at_startup():
    r = run_code(
        "import diojit; print(diojit.stats()['threshold'])",
        env=clean_env(DIOJIT="1", DIOJIT_THRESHOLD="7"),
    )
    assert r.stdout.strip() == "7", r.stderr


def test_bad_threshold_env_warns_and_runs_the_program():
    r = run_code(
        "import diojit; print('ran', diojit.is_enabled())",
        env=clean_env(DIOJIT="1", DIOJIT_THRESHOLD="x"),
    )
    assert r.returncode == 0
    assert r.stdout.strip() == "ran False"
    assert 'diojit: DIOJIT_THRESHOLD must be a positive integer, got "x"; running without the JIT' in r.stderr


def test_child_processes_inherit_the_switch():
    r = run_code(
        """
        import subprocess, sys
        out = subprocess.run([sys.executable, "-c", "import diojit; print(diojit.is_enabled())"],
                             capture_output=True, text=True).stdout
        print(out.strip())
        """,
        env=clean_env(DIOJIT="1"),
    )
    assert r.stdout.strip() == "True", r.stderr


def test_stats_dir_collects_one_json_file_per_process(tmp_path):
    r = run_code(
        """
        import subprocess, sys
        def f(x):
            return x + 1
        for i in range(10):
            f(i)
        subprocess.run([sys.executable, "-c", "pass"])
        """,
        env=clean_env(DIOJIT="1", DIOJIT_THRESHOLD="2", DIOJIT_STATS_DIR=str(tmp_path)),
    )
    assert r.returncode == 0 and r.stderr == "", r.stderr
    files = sorted(tmp_path.glob("diojit-stats-*.json"))
    assert len(files) == 2
    import json

    parent = max((json.loads(p.read_text()) for p in files), key=lambda s: s["calls"])
    assert parent["compiled"] >= 1 and parent["threshold"] == 2
