"""enable() / disable() / is_enabled(), thresholds, unsupported interpreters."""

import pytest

import diojit
from conftest import clean_env, run_code


def test_enable_disable_round_trip():
    assert not diojit.is_enabled()
    diojit.enable()
    try:
        assert diojit.is_enabled()
        assert diojit.stats()["enabled"] is True
    finally:
        diojit.disable()
    assert not diojit.is_enabled()
    assert diojit.stats()["enabled"] is False


def test_enabling_twice_is_harmless_and_updates_the_threshold():
    diojit.enable(threshold=5)
    try:
        diojit.enable(threshold=9)
        assert diojit.is_enabled()
        assert diojit.stats()["threshold"] == 9
    finally:
        diojit.disable()
    assert not diojit.is_enabled()
    diojit.disable()  # disabling twice is harmless too
    assert not diojit.is_enabled()


@pytest.mark.parametrize("bad", [0, -1])
def test_threshold_must_be_positive(bad):
    with pytest.raises(ValueError, match="threshold must be a positive integer"):
        diojit.enable(threshold=bad)
    assert not diojit.is_enabled()


@pytest.mark.parametrize("bad", ["5", 2.0, True])
def test_threshold_must_be_an_int(bad):
    with pytest.raises(TypeError, match="threshold must be an int"):
        diojit.enable(threshold=bad)
    assert not diojit.is_enabled()


def test_default_threshold_is_documented_value():
    assert diojit.DEFAULT_THRESHOLD == 100
    r = run_code("import diojit; diojit.enable(); print(diojit.stats()['threshold'])")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "100"


def test_threshold_from_environment():
    r = run_code(
        "import diojit; diojit.enable(); print(diojit.stats()['threshold'])",
        env=clean_env(DIOJIT_THRESHOLD="7"),
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "7"


def test_explicit_threshold_beats_environment():
    r = run_code(
        "import diojit; diojit.enable(threshold=3); print(diojit.stats()['threshold'])",
        env=clean_env(DIOJIT_THRESHOLD="7"),
    )
    assert r.stdout.strip() == "3", r.stderr


def test_bad_threshold_in_environment_is_a_clear_error():
    r = run_code(
        """
        import diojit
        try:
            diojit.enable()
        except ValueError as e:
            print(e)
        print(diojit.is_enabled())
        """,
        env=clean_env(DIOJIT_THRESHOLD="lots"),
    )
    assert r.stdout.splitlines() == [
        "DIOJIT_THRESHOLD must be a positive integer, got \"lots\"",
        "False",
    ], r.stderr


@pytest.mark.parametrize(
    "patch, running",
    [
        ("sys.version_info = (3, 12, 1, 'final', 0)", "cpython 3.12"),
        ("sys.version_info = (3, 10, 9, 'final', 0)", "cpython 3.10"),
        (
            "import types; sys.implementation = types.SimpleNamespace(name='pypy', cache_tag=None)",
            "pypy 3.11",
        ),
    ],
)
def test_unsupported_interpreter_imports_but_refuses_to_enable(patch, running):
    r = run_code(
        f"""
        import sys
        {patch}
        import diojit
        @diojit.nojit
        def f(): return 42
        print(f())
        print(diojit.is_enabled())
        diojit.disable()
        try:
            diojit.enable()
        except RuntimeError as e:
            print(e)
        else:
            print("enabled?!")
        """
    )
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    assert out[:2] == ["42", "False"]
    assert out[2] == f"diojit supports CPython 3.11 only; this interpreter is {running}"


def test_unsupported_interpreter_with_diojit_env_still_runs_the_program():
    r = run_code(
        """
        import sys
        sys.version_info = (3, 12, 0, 'final', 0)
        import diojit._autoload  # what diojit.pth imports when DIOJIT is set
        print("program ran")
        """
    )
    assert r.returncode == 0
    assert "program ran" in r.stdout
    assert "diojit supports CPython 3.11 only" in r.stderr
    assert "running without the JIT" in r.stderr
