"""Runs one pyperformance script under pyperf, in pyperf's master and worker
processes alike:

    python -m bench.pyperf_worker STATS_FILE SCRIPT [pyperf options]

pyperf starts each worker by re-running its program; pointing that at this
module lets every worker append ``diojit.stats()`` (when the JIT is on) as a
JSON line to STATS_FILE at exit, while the script itself runs unchanged.
"""

import atexit
import json
import os
import runpy
import sys

import pyperf

from bench.jitstats import jit_stats


def write_stats(path):
    stats = jit_stats()
    if stats is not None:
        with open(path, "a") as f:
            f.write(json.dumps({"pid": os.getpid(), "stats": stats}) + "\n")


def main():
    stats_file, script = sys.argv[1], sys.argv[2]
    program_args = ("-m", "bench.pyperf_worker", stats_file, script)
    runner_init = pyperf.Runner.__init__

    def init(self, *args, **kwargs):
        kwargs["program_args"] = program_args
        runner_init(self, *args, **kwargs)

    pyperf.Runner.__init__ = init
    if "--worker" in sys.argv:
        atexit.register(write_stats, stats_file)
    # As if started as ``python SCRIPT [options]``.
    sys.argv = [script] + sys.argv[3:]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
