"""The DIO-JIT items on the runner side: listing them and measuring one in a
fresh child process of an engine (``bench.child``)."""

import importlib
import json

from bench.programs import MODULES
from bench.programs._timing import scaled
from bench.runs import Measurement, checked_stats, run_child

GROUP = "dio"


class DioItem:
    group = GROUP

    def __init__(self, name, module, calls):
        self.name = name
        self.module = module
        self.calls = calls

    def measure(self, engine, options):
        calls, warmup = scaled(self.calls, options.scale)
        out = run_child(engine, ["-m", "bench.child", self.module, self.name, str(calls), str(warmup)])
        line = json.loads(out.strip().splitlines()[-1])
        stats = checked_stats(engine, line["stats"], self.name)
        return Measurement(line["seconds_per_call"], line["result"], stats)


def items():
    out = []
    for module in MODULES:
        for name, (_, calls) in importlib.import_module("bench.programs." + module).ITEMS.items():
            out.append(DioItem(name, module, calls))
    return out
