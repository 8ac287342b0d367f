"""The benchmark runner's own logic (selection, agreement check, figures)
and the programs' standalone mode. Timing is never asserted here: the
runner's smoke mode (a step of tests/run_all.sh) runs every benchmark."""

import json
import os
import sys
from types import SimpleNamespace

import pytest

from conftest import run_python

# The runner is the repository's ``bench`` package, not an installed one.
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from bench import report  # noqa: E402
from bench.__main__ import measure_all, select  # noqa: E402
from bench.engines import Engine, diojit_build  # noqa: E402
from bench.runs import BenchError, Measurement  # noqa: E402

GROUPS = {"dio": ["fib", "bf", "bf_quick"], "pyperformance": ["nbody", "go"]}


def engine(name, jit=False):
    return Engine(name, sys.executable, {}, name + " 1.0", build=diojit_build() if jit else None)


class FakeItem:
    group = "dio"

    def __init__(self, name, seconds, results=None):
        self.name = name
        self.seconds = seconds  # engine -> seconds per call
        self.results = results or {}

    def measure(self, engine, options):
        stats = {"compiled": 2, "side_exits": {"guard": 3}} if engine.jit else None
        return Measurement(self.seconds[engine.name], self.results.get(engine.name, 42), stats)


def test_select_groups_names_and_exclusions():
    assert select("all", GROUPS) == ["fib", "bf", "bf_quick", "nbody", "go"]
    assert select("all,-bf", GROUPS) == ["fib", "bf_quick", "nbody", "go"]
    assert select("go,dio,-pyperformance", GROUPS) == ["fib", "bf", "bf_quick"]
    with pytest.raises(BenchError, match="unknown benchmark 'nope'"):
        select("fib,nope", GROUPS)
    with pytest.raises(BenchError, match="no benchmark"):
        select("dio,-dio", GROUPS)


def test_engines_alternate_and_must_agree():
    order = []

    class Recording(FakeItem):
        def measure(self, engine, options):
            order.append(engine.name)
            return super().measure(engine, options)

    engines = [engine("cpython"), engine("diojit", jit=True)]
    options = SimpleNamespace(rounds=3)
    measure_all([Recording("fib", {"cpython": 1.0, "diojit": 0.5})], engines, options)
    assert order == ["cpython", "diojit"] * 3

    wrong = FakeItem("fib", {"cpython": 1.0, "diojit": 0.5}, results={"diojit": 41})
    with pytest.raises(BenchError, match="fib: diojit gave 41 but cpython gave 42"):
        measure_all([wrong], engines, options)


def test_medians_speedups_and_geometric_mean():
    engines = [engine("cpython"), engine("diojit", jit=True)]
    items = [FakeItem("fib", {}), FakeItem("bf", {})]
    samples = {
        "fib": {"cpython": [Measurement(s, 610, None) for s in (4.0, 9.0, 4.4)],
                "diojit": [Measurement(s, 610, {"compiled": 1}) for s in (1.0, 1.1, 0.9)]},
        "bf": {"cpython": [Measurement(s, 7, None) for s in (2.0, 2.0, 2.0)],
               "diojit": [Measurement(s, 7, {"compiled": 5}) for s in (4.0, 4.0, 4.0)]},
    }
    doc = report.document(items, engines, samples, {"rounds": 3, "scale": 1, "pyperf_mode": "fast"}, "cmd", [])
    fib = doc["benchmarks"][0]
    assert fib["engines"]["cpython"]["median"] == 4.4
    assert fib["engines"]["diojit"]["speedup"] == pytest.approx(4.4)
    assert fib["stats"] == {"compiled": 1}  # the last round's
    assert doc["geomean"]["dio"]["diojit"] == pytest.approx((4.4 * 0.5) ** 0.5)
    json.dumps(doc)
    text = report.markdown(doc)
    assert "| fib | 4.4 s ±57% | 1 s ±10% | 4.40x |" in text
    assert "| bf | 2 s ±0% | 4 s ±0% | 0.50x |" in text


def test_program_runs_standalone_and_checks_itself():
    out = run_python(os.path.join(REPO, "bench", "programs", "bf.py"), "0.001", "bf_quick")
    assert out.returncode == 0, out.stderr
    line = json.loads(out.stdout)
    assert line["name"] == "bf_quick" and line["result"] == 23280


def test_a_reinstalled_diojit_stops_the_run(monkeypatch):
    engines = [engine("cpython"), engine("diojit", jit=True)]
    monkeypatch.setattr("bench.engines.diojit_build", lambda: "0.1.0, build another")
    with pytest.raises(BenchError, match="diojit was reinstalled during the run"):
        measure_all([FakeItem("fib", {"cpython": 1.0, "diojit": 0.5})], engines, SimpleNamespace(rounds=1))
