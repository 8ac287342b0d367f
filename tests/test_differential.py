"""Differential tests: each program in tests/differential/ must behave
exactly the same with and without the JIT.

Every program runs three times in a fresh interpreter: plainly, with
``DIOJIT=1 DIOJIT_THRESHOLD=1`` (every function compiled at its first call),
and with ``DIOJIT=1`` alone (functions compiled once hot, after the
interpreter has specialised them, so that the compiler also uses what the
interpreter's specialised instructions recorded). Standard output,
standard error and the exit status must be identical.
The programs run in parallel, once per session, the first time a test
needs them; each program is its own test, so a failure names it.

``test_jit_compiled_the_corpus`` runs the corpus a third time, through
tests/differential_driver.py, and checks from ``diojit.stats()`` and the
per-function states that the JIT really compiled the programs, ran every
opcode of the corpus as native code, and contained no internal error.
"""

import concurrent.futures
import difflib
import json
import os
import pathlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass

import pytest

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "differential"
DRIVER = HERE / "differential_driver.py"
PROGRAMS = sorted(CORPUS.glob("[0-9][0-9][0-9]_*.py"))
TIMEOUT = 60
WORKERS = max(2, min(8, 2 * (os.cpu_count() or 1)))
JIT_ENV = {"DIOJIT": "1", "DIOJIT_THRESHOLD": "1"}
HOT_ENV = {"DIOJIT": "1"}

sys.path.insert(0, str(HERE))
import differential_opcodes  # noqa: E402


@dataclass
class Outcome:
    status: object  # exit status, or "timeout"
    stdout: str
    stderr: str


def _env(extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIOJIT")}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra or {})
    return env


def _text(data):
    if data is None:
        return ""
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data


def run(args, extra_env=None):
    try:
        p = subprocess.run(
            [sys.executable, *map(str, args)],
            cwd=CORPUS,
            env=_env(extra_env),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as e:
        return Outcome("timeout", _text(e.stdout), _text(e.stderr))
    return Outcome(p.returncode, _text(p.stdout), _text(p.stderr))


def run_all(program):
    return run([program]), run([program], JIT_ENV), run([program], HOT_ENV)


def in_parallel(fn, items):
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        return dict(zip(items, pool.map(fn, items)))


def _selected_programs(session):
    names = set()
    for item in session.items:
        spec = getattr(item, "callspec", None)
        if spec is not None and item.module.__name__ == __name__ and "program" in spec.params:
            names.add(spec.params["program"])
    return [p for p in PROGRAMS if p.name in names]


@pytest.fixture(scope="session")
def outcomes(request):
    """The runs of every selected program, computed once in parallel."""
    return in_parallel(run_all, _selected_programs(request.session))


def _describe(outcome):
    status = outcome.status
    if isinstance(status, int) and status < 0:
        return "%d (killed by signal %d: a crash)" % (status, -status)
    return str(status)


def _diff(name, plain, jit, how):
    lines = list(difflib.unified_diff(
        plain.splitlines(), jit.splitlines(), "%s without JIT" % name, "%s with JIT (%s)" % (name, how), lineterm=""))
    if len(lines) > 120:
        lines = lines[:120] + ["... (%d more lines)" % (len(lines) - 120)]
    return "\n".join(lines)


def test_corpus_size():
    assert len(PROGRAMS) >= 170


@pytest.mark.parametrize("program", [p.name for p in PROGRAMS], ids=[p.stem for p in PROGRAMS])
def test_same_behaviour(program, outcomes):
    plain, *jits = outcomes[CORPUS / program]
    assert plain.status != "timeout", "%s timed out without the JIT" % program
    problems = []
    for how, jit in zip(["threshold 1", "default threshold"], jits):
        if plain.status != jit.status:
            problems.append("exit status: %s without JIT, %s with JIT (%s)" % (_describe(plain), _describe(jit), how))
        if plain.stdout != jit.stdout:
            problems.append(_diff("stdout", plain.stdout, jit.stdout, how))
        if plain.stderr != jit.stderr:
            problems.append(_diff("stderr", plain.stderr, jit.stderr, how))
    if problems:
        pytest.fail("%s behaves differently under the JIT:\n%s" % (program, "\n".join(problems)), pytrace=False)


def test_corpus_covers_every_opcode():
    """Each opcode of ordinary (non-generator) code appears in the corpus."""
    seen = differential_opcodes.coverage()
    missing = [op for op in differential_opcodes.expected_opcodes() if op not in seen]
    assert not missing, "no program uses: %s" % ", ".join(missing)


def _driver_report(program):
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "report.json"
        outcome = run([DRIVER, out, program], JIT_ENV)
        if not out.exists():
            return None, outcome
        return json.loads(out.read_text(encoding="utf-8")), outcome


def test_jit_compiled_the_corpus():
    reports = in_parallel(_driver_report, PROGRAMS)
    problems = []
    native_ops = set()
    failures = {}
    for program, (report, outcome) in reports.items():
        if report is None:
            problems.append("%s: no report (exit status %s)\n%s" % (program.name, outcome.status, outcome.stderr[-2000:]))
            continue
        stats = report["stats"]
        if stats["internal_errors"]:
            problems.append("%s: %d internal errors" % (program.name, stats["internal_errors"]))
        if not stats["compiled"]:
            problems.append("%s: nothing compiled" % program.name)
        for reason, count in stats["compile_failures"].items():
            failures[reason] = failures.get(reason, 0) + count
        for fn in report["functions"]:
            # Compiled and called again after compilation: ran as native code.
            if fn["state"] == "compiled" and fn["calls"] >= 2:
                native_ops.update(fn["opcodes"])
    missing = [op for op in differential_opcodes.expected_opcodes() if op not in native_ops]
    if missing:
        problems.append("opcodes never run in compiled code: %s (compile failures: %s)" % (", ".join(missing), failures))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
