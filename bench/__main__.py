"""The benchmark runner, ``python -m bench``.

Runs the benchmarks under each engine alternately (A B A B ... in every
round), checks that all engines gave the same results, prints the speed
table and diojit's counters as Markdown and writes them as JSON.
"""

import argparse
import json
import os
import sys

from bench import dio, engines, pyperf_suite, report
from bench.progress import Progress
from bench.runs import REPO, BenchError

GROUPS = (dio.GROUP, pyperf_suite.GROUP)
SMOKE = {"scale": 0.001, "rounds": 1, "benchmarks": "all,-bf"}


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[1])
    p.add_argument(
        "-b",
        "--benchmarks",
        help="comma-separated names or groups (%s, all); a leading - excludes, as in all,-bf "
        "(default: all)" % ", ".join(GROUPS),
    )
    p.add_argument(
        "-e", "--engines", default=",".join(engines.NAMES), help="comma-separated engines (default: %(default)s)"
    )
    p.add_argument("-s", "--scale", type=float, help="multiplies the DIO-JIT items' call counts (default: 1)")
    p.add_argument("-r", "--rounds", type=int, help="rounds of alternating engine runs (default: 3)")
    p.add_argument("--rigorous", action="store_true", help="pyperf's rigorous mode instead of its fast mode")
    p.add_argument(
        "--smoke",
        action="store_true",
        help="prove everything runs, no meaningful timing: scale %(scale)g, %(rounds)d round, pyperf single value, "
        "benchmarks %(benchmarks)s" % SMOKE,
    )
    p.add_argument(
        "--json", default=os.path.join(REPO, "bench", "results", "latest.json"), help="JSON output (default: %(default)s)"
    )
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = p.parse_args(argv)
    defaults = SMOKE if args.smoke else {"scale": 1.0, "rounds": 3, "benchmarks": "all"}
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.rounds < 1 or args.scale <= 0:
        p.error("--rounds and --scale must be positive")
    if args.smoke and args.rigorous:
        p.error("--smoke and --rigorous exclude each other")
    args.pyperf_mode = "debug-single-value" if args.smoke else "rigorous" if args.rigorous else "fast"
    return args


def select(spec, groups):
    """The benchmark names chosen by ``spec`` from ``groups`` (group -> names), in suite order."""
    everything = [n for names in groups.values() for n in names]
    chosen = set()
    for word in filter(None, (w.strip() for w in spec.split(","))):
        drop = word.startswith("-")
        word = word.lstrip("-")
        names = everything if word == "all" else groups.get(word, [word])
        for name in names:
            if name not in everything:
                raise BenchError("unknown benchmark %r; choose from: %s" % (name, ", ".join(everything)))
        chosen = chosen - set(names) if drop else chosen | set(names)
    if not chosen:
        raise BenchError("no benchmark selected by %r" % spec)
    return [n for n in everything if n in chosen]


def pick_engines(spec):
    """The engines named in ``spec`` that exist here, in table order, and a
    note for each one skipped."""
    names = [w.strip() for w in spec.split(",") if w.strip()]
    unknown = set(names) - set(engines.NAMES)
    if unknown:
        raise BenchError("unknown engine %s (choose from %s)" % (", ".join(sorted(unknown)), ", ".join(engines.NAMES)))
    chosen, skipped = [], []
    for name in [n for n in engines.NAMES if n in names]:
        engine, why = engines.make(name)
        if engine:
            chosen.append(engine)
        else:
            skipped.append(why)
            sys.stderr.write("bench: %s\n" % why)
    if not chosen:
        raise BenchError("no usable engine in %r" % spec)
    return chosen, skipped


def measure_all(items, chosen, args):
    """Every item under every engine, alternating, ``args.rounds`` times;
    fails as soon as an engine's result differs from the first one seen, or
    the diojit being measured is replaced."""
    samples = {item.name: {e.name: [] for e in chosen} for item in items}
    progress = Progress(len(items) * args.rounds * len(chosen))
    for item in items:
        expected = None
        for r in range(args.rounds):
            for engine in chosen:
                progress.step("round %d/%d  %s  %s" % (r + 1, args.rounds, item.name, engine.name))
                m = item.measure(engine, args)
                build = engines.diojit_build() if engine.jit else None
                if build != engine.build:
                    raise BenchError(
                        "diojit was reinstalled during the run (%s, now %s): the figures would mix two builds"
                        % (engine.build, build)
                    )
                if expected is None:
                    expected = (engine.name, m.result)
                elif m.result != expected[1]:
                    raise BenchError(
                        "%s: %s gave %r but %s gave %r" % (item.name, engine.name, m.result, expected[0], expected[1])
                    )
                samples[item.name][engine.name].append(m)
    progress.finish()
    return samples


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    dio_items = dio.items()
    groups = {dio.GROUP: [i.name for i in dio_items], pyperf_suite.GROUP: list(pyperf_suite.NAMES)}
    if args.list:
        for group, names in groups.items():
            print("%s: %s" % (group, " ".join(names)))
        return 0
    names = select(args.benchmarks, groups)
    chosen, skipped = pick_engines(args.engines)
    items = [i for i in dio_items if i.name in names]
    if any(n in pyperf_suite.NAMES for n in names):
        scripts = pyperf_suite.prepare(chosen)
        items += [i for i in pyperf_suite.items(scripts) if i.name in names]

    samples = measure_all(items, chosen, args)
    options = {"benchmarks": names, "rounds": args.rounds, "scale": args.scale, "pyperf_mode": args.pyperf_mode}
    command = "python -m bench" + "".join(" " + a for a in (sys.argv[1:] if argv is None else argv))
    doc = report.document(items, chosen, samples, options, command, skipped)
    print(report.markdown(doc))
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
    sys.stderr.write("bench: wrote %s\n" % args.json)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        sys.stderr.write("\nbench: error: %s\n" % exc)
        sys.exit(1)
