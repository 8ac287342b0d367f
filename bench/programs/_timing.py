"""Times one benchmark item: shared by the runner's child process and by
each program's own ``__main__``:

    python bench/programs/PROGRAM.py [SCALE [ITEM ...]]

Plain Python 3.9+, so that every engine (PyPy included) runs the same code.
"""

import json
import sys
import time


def measure(run, calls, warmup):
    """Run ``run(warmup)`` untimed (a JIT's compile time and warm-up stay out
    of the figure), then time ``run(calls)``."""
    if warmup:
        run(warmup)
    start = time.perf_counter()
    result = run(calls)
    seconds = time.perf_counter() - start
    return {"result": result, "calls": calls, "warmup": warmup, "seconds_per_call": seconds / calls}


def scaled(calls, scale):
    """The number of calls at ``scale`` (at least one), and its warm-up."""
    n = max(1, int(round(calls * scale)))
    return n, n // 10


def main(items, argv=None):
    """Run the named items (default: all) of a program module at SCALE
    (default 1); print one JSON line for each."""
    argv = sys.argv[1:] if argv is None else argv
    scale = float(argv[0]) if argv else 1.0
    for name in argv[1:] or list(items):
        run, calls = items[name]
        n, warmup = scaled(calls, scale)
        line = measure(run, n, warmup)
        line["name"] = name
        print(json.dumps(line), flush=True)
