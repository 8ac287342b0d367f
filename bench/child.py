"""Child process for one DIO-JIT item, run by the runner in the measured
interpreter: ``python -m bench.child MODULE ITEM CALLS WARMUP``.

Prints one JSON line: the item's result, seconds per call, and diojit's
counters when the JIT is on (else null).
"""

import importlib
import json
import sys

from bench.jitstats import jit_stats
from bench.programs._timing import measure


def main(argv):
    module, item, calls, warmup = argv
    run, _ = importlib.import_module("bench.programs." + module).ITEMS[item]
    line = measure(run, int(calls), int(warmup))
    line["stats"] = jit_stats()
    print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
