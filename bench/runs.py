"""One measured run: starting a child of an engine, turning its failure into
an error that shows the command and output, and what a run returns."""

import os
import subprocess
from dataclasses import dataclass
from typing import Any, Optional

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class BenchError(Exception):
    """A benchmark failed, gave a wrong answer, or the engines disagreed."""


@dataclass
class Measurement:
    seconds: float  # per call
    result: Any  # what every engine must agree on
    stats: Optional[dict]  # diojit.stats() of the measured process, if the JIT was on


def run_child(engine, args, env=None):
    """Run ``engine.python *args`` from the repository root (so that
    ``-m bench.…`` resolves); return its stdout or raise BenchError."""
    cmd = [engine.python, *args]
    proc = subprocess.run(cmd, cwd=REPO, env=env or engine.env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError(
            "%s failed (exit %d): %s\n--- stdout\n%s--- stderr\n%s"
            % (engine.name, proc.returncode, " ".join(cmd), proc.stdout, proc.stderr)
        )
    return proc.stdout


def checked_stats(engine, stats, what):
    """The JIT's counters, insisting that the diojit engine really ran the JIT."""
    if engine.jit and stats is None:
        raise BenchError(
            "%s: the JIT was not on in the measured process (is diojit installed in %s?)" % (what, engine.python)
        )
    return stats
