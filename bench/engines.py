"""The engines compared side by side: plain CPython, the same interpreter
with DIOJIT=1, and PyPy when a ``pypy3`` executable is installed."""

import glob
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata, util
from typing import Optional

from bench.runs import BenchError

NAMES = ("cpython", "diojit", "pypy")
PYPY_HINT = "install it with `apt-get install pypy3` (Debian/Ubuntu) or put a pypy3 on PATH"

VERSION = (
    "import platform, sys; v = getattr(sys, 'pypy_version_info', None); "
    "print(platform.python_implementation(), "
    "'%d.%d.%d (Python %s)' % (v[:3] + (platform.python_version(),)) if v else platform.python_version())"
)


@dataclass
class Engine:
    name: str
    python: str
    env: dict
    version: str
    # The diojit engine's build (see diojit_build); its children must report
    # the JIT's counters: a run without them did not measure the JIT.
    build: Optional[str] = None

    @property
    def jit(self):
        return self.build is not None


def base_env():
    """The runner's environment without any DIOJIT setting."""
    return {k: v for k, v in os.environ.items() if not k.startswith("DIOJIT")}


def describe(python):
    out = subprocess.run([python, "-c", VERSION], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def diojit_build():
    """diojit's version and a hash of its installed extension module: which
    build the diojit column measures (the package can be reinstalled between
    runs, or during one)."""
    spec = util.find_spec("diojit")
    if spec is None:
        return None
    digest = hashlib.sha256()
    try:
        for path in sorted(glob.glob(os.path.join(spec.submodule_search_locations[0], "_core*"))):
            with open(path, "rb") as f:
                digest.update(f.read())
        version = metadata.version("diojit")
    except (OSError, metadata.PackageNotFoundError):
        return "being reinstalled"
    return "%s, build %s" % (version, digest.hexdigest()[:12])


def make(name):
    """The engine called ``name``, or None (with the reason) if absent here."""
    if name == "cpython":
        return Engine(name, sys.executable, base_env(), describe(sys.executable)), None
    if name == "diojit":
        env = base_env()
        env["DIOJIT"] = "1"
        # An explicit threshold in the runner's environment is kept, for experiments.
        if os.environ.get("DIOJIT_THRESHOLD"):
            env["DIOJIT_THRESHOLD"] = os.environ["DIOJIT_THRESHOLD"]
        build = diojit_build()
        if build is None:
            raise BenchError("diojit is not installed in %s (pip install .)" % sys.executable)
        version = "%s + diojit %s (DIOJIT=1)" % (describe(sys.executable), build)
        return Engine(name, sys.executable, env, version, build=build), None
    if name == "pypy":
        python = shutil.which("pypy3")
        if python is None:
            return None, "pypy skipped: no pypy3 executable; " + PYPY_HINT
        return Engine(name, python, base_env(), describe(python)), None
    raise ValueError("unknown engine %r (choose from %s)" % (name, ", ".join(NAMES)))
