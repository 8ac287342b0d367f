"""pyperformance on the runner side: installing the pinned pyperf and
pyperformance, finding the benchmark scripts shipped in the package, and
measuring one of them with pyperf under an engine (``bench.pyperf_worker``).
"""

import json
import os
import subprocess
import sys
import tempfile

from bench.runs import REPO, BenchError, Measurement, checked_stats, run_child

GROUP = "pyperformance"
PYPERF = "pyperf==2.10.0"
PYPERFORMANCE = "pyperformance==1.14.0"
NAMES = ("nbody", "float", "richards", "spectral_norm", "fannkuch", "nqueens", "chaos", "deltablue", "raytrace", "go")
# pyperf (pure Python, psutil optional) for interpreters other than the
# runner's, put on their PYTHONPATH: PyPy reads the same scripts.
DEPS = os.path.join(REPO, "bench", ".deps", PYPERF.replace("==", "-"))

VERSIONS = (
    "from importlib import metadata\n"
    "for name in ('pyperf', 'pyperformance'):\n"
    "    try: print('%s==%s' % (name, metadata.version(name)))\n"
    "    except metadata.PackageNotFoundError: print(name)\n"
)


def pip(*args):
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args]
    sys.stderr.write("bench: %s\n" % " ".join(cmd))
    env = dict(os.environ, PIP_ROOT_USER_ACTION="ignore")
    if subprocess.run(cmd, env=env).returncode != 0:
        raise BenchError("could not install %s from PyPI; pyperformance needs them" % " ".join(args))


def prepare(engines):
    """Install what the engines need (once per run); return the directory of
    pyperformance's benchmark scripts."""
    have = subprocess.run([sys.executable, "-c", VERSIONS], capture_output=True, text=True, check=True)
    if have.stdout.split() != [PYPERF, PYPERFORMANCE]:
        pip(PYPERF, PYPERFORMANCE)
    if any(e.python != sys.executable for e in engines) and not os.path.isdir(os.path.join(DEPS, "pyperf")):
        pip("--no-deps", "--target", DEPS, PYPERF)
    where = subprocess.run(
        [sys.executable, "-c", "import os, pyperformance; print(os.path.dirname(pyperformance.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return os.path.join(where.stdout.strip(), "data-files", "benchmarks")


def read_result(path, name):
    """Median of the values pyperf wrote (seconds per loop), and the names of
    the benchmarks found: the scripts print no answer of their own, so the
    engines are checked to have completed the same benchmark."""
    import pyperf  # installed by prepare()

    benchmarks = pyperf.BenchmarkSuite.load(path).get_benchmarks()
    names = [b.get_name() for b in benchmarks]
    if names != [name]:
        raise BenchError("%s: pyperf reported benchmarks %r" % (name, names))
    return benchmarks[0].median(), names


def last_stats(path):
    """diojit.stats() of the last pyperf worker (a measuring one), or None."""
    if not os.path.exists(path):
        return None
    with open(path) as f:
        lines = f.read().splitlines()
    return json.loads(lines[-1])["stats"] if lines else None


class PyperfItem:
    group = GROUP

    def __init__(self, name, scripts):
        self.name = name
        self.script = os.path.join(scripts, "bm_" + name, "run_benchmark.py")

    def measure(self, engine, options):
        env = dict(engine.env)
        path = [REPO] if engine.python == sys.executable else [REPO, DEPS]
        if env.get("PYTHONPATH"):
            path.append(env["PYTHONPATH"])
        env["PYTHONPATH"] = os.pathsep.join(path)
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            out, stats_file = os.path.join(tmp, "out.json"), os.path.join(tmp, "stats.jsonl")
            args = ["-m", "bench.pyperf_worker", stats_file, self.script, "--" + options.pyperf_mode]
            args += ["--output", out, "--inherit-environ", "DIOJIT,DIOJIT_THRESHOLD"]
            run_child(engine, args, env=env)
            seconds, result = read_result(out, self.name)
            stats = checked_stats(engine, last_stats(stats_file), self.name)
        return Measurement(seconds, result, stats)


def items(scripts):
    return [PyperfItem(name, scripts) for name in NAMES]
