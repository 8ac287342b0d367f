"""Shared helpers for the pytest suite (which runs against the installed
package)."""

import os
import subprocess
import sys
import textwrap

import pytest

import diojit


def clean_env(**extra):
    """The current environment without any DIOJIT* setting, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIOJIT")}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_python(*args, env=None, cwd=None, input=None, timeout=120):
    """Run ``python *args`` in a fresh interpreter; returns CompletedProcess."""
    return subprocess.run(
        [sys.executable, *args],
        env=clean_env() if env is None else env,
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_code(code, env=None, **kwargs):
    return run_python("-c", textwrap.dedent(code), env=env, **kwargs)


@pytest.fixture
def jit():
    """Enable the JIT for one test (threshold 100 unless re-enabled), with
    fresh counters; always disabled afterwards."""
    diojit.reset_stats()
    diojit.enable(threshold=100)
    try:
        yield diojit
    finally:
        diojit.disable()
