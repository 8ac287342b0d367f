"""The figures: medians per engine, speed-ups against plain CPython and their
geometric means, as one JSON document and the Markdown tables printed from it
(so both always hold the same data)."""

import datetime
import math
import os
import platform
import statistics

BASELINE = "cpython"
GROUP_TITLES = {
    "dio": "DIO-JIT table (seconds per call)",
    "pyperformance": "pyperformance (seconds per loop, median of pyperf's values)",
}
# diojit.stats() columns: (title, key); dict-valued counters are totalled.
STATS_COLUMNS = [
    ("functions seen", "functions_seen"),
    ("hot", "hot_functions"),
    ("compiled", "compiled"),
    ("code bytes", "code_bytes"),
    ("compile time", "compile_time_ns"),
    ("compile failures", "compile_failures"),
    ("native calls", "native_calls"),
    ("side exits", "side_exits"),
    ("side exits per 1,000 native calls", "side_exits_per_kcall"),
    ("inline cache misses", "cache_misses"),
    ("invalidations", "invalidations"),
    ("internal errors", "internal_errors"),
]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def geomean(ratios):
    return math.exp(sum(map(math.log, ratios)) / len(ratios)) if ratios else None


def document(items, engines, samples, options, command, skipped):
    """Everything measured, as a JSON-able dict. ``samples[item][engine]`` is
    the list of Measurements of the rounds."""
    benchmarks = []
    for item in items:
        runs = samples[item.name]
        medians = {e.name: statistics.median(m.seconds for m in runs[e.name]) for e in engines}
        entry = {
            "name": item.name,
            "group": item.group,
            "result": runs[engines[0].name][0].result,
            "engines": {},
        }
        for e in engines:
            speedup = medians[BASELINE] / medians[e.name] if BASELINE in medians else None
            seconds = [m.seconds for m in runs[e.name]]
            entry["engines"][e.name] = {
                "median": medians[e.name],
                "speedup": speedup,
                # Half the range of the rounds, relative to the median: how noisy the figure is.
                "spread": (max(seconds) - min(seconds)) / 2 / medians[e.name],
                "samples": seconds,
            }
            # The last round's counters: the JIT's state after a full measured run.
            if e.jit:
                entry["stats"] = runs[e.name][-1].stats
        benchmarks.append(entry)

    geomeans = {}
    for group in [g for g in GROUP_TITLES if any(b["group"] == g for b in benchmarks)] + ["all"]:
        chosen = [b for b in benchmarks if group in ("all", b["group"])]
        geomeans[group] = {}
        for e in engines:
            ratios = [b["engines"][e.name]["speedup"] for b in chosen]
            geomeans[group][e.name] = geomean([r for r in ratios if r])

    return {
        "date": datetime.date.today().isoformat(),
        "command": command,
        "machine": {"nproc": os.cpu_count(), "cpu": cpu_model(), "platform": platform.platform()},
        "engines": {e.name: {"python": e.python, "version": e.version} for e in engines},
        "skipped": skipped,
        "options": options,
        "benchmarks": benchmarks,
        "geomean": geomeans,
    }


def fmt_seconds(s):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return "%.3g %s" % (s / scale, unit)
    return "%.3g ns" % (s / 1e-9)


def fmt_time(figures, rounds):
    text = fmt_seconds(figures["median"])
    return text + " ±%.0f%%" % (100 * figures["spread"]) if rounds > 1 else text


def fmt_ratio(r):
    return "%.2fx" % r if r else "–"


def side_exits_per_kcall(stats):
    exits = stats.get("side_exits")
    exits = sum(exits.values()) if isinstance(exits, dict) else exits
    calls = stats.get("native_calls")
    return None if exits is None or not calls else round(1000 * exits / calls, 3)


def fmt_stat(key, value):
    if value is None:
        return "–"
    if isinstance(value, dict):
        total = sum(value.values())
        top = sorted(value.items(), key=lambda kv: -kv[1])[:3]
        return "%d (%s)" % (total, ", ".join("%s %d" % kv for kv in top)) if total else "0"
    if key == "compile_time_ns":
        return "%.1f ms" % (value / 1e6)
    return str(value)


def row(cells):
    return "| " + " | ".join(cells) + " |"


def markdown(doc):
    engines = list(doc["engines"])
    others = [e for e in engines if e != BASELINE] if BASELINE in engines else []
    opts = doc["options"]
    lines = [
        "- Date: %s" % doc["date"],
        "- Machine: %(nproc)d cores, %(cpu)s, %(platform)s" % doc["machine"],
        "- Interpreters: " + "; ".join("%s = %s" % (n, e["version"]) for n, e in doc["engines"].items()),
        "- Command: `%s`" % doc["command"],
        "- Rounds: %(rounds)d (engines alternating; medians, ± half the range); scale %(scale)g; "
        "pyperf mode %(pyperf_mode)s" % opts,
    ]
    lines += ["- %s" % s for s in doc["skipped"]]
    lines.append("- Speed-up = CPython time / engine time (above 1.00x is faster than CPython).")
    header = ["benchmark"] + engines + ["%s speed-up" % e for e in others]
    for group, title in GROUP_TITLES.items():
        chosen = [b for b in doc["benchmarks"] if b["group"] == group]
        if not chosen:
            continue
        lines += ["", "### " + title, "", row(header), row(["---"] + ["---:"] * (len(header) - 1))]
        for b in chosen:
            cells = [fmt_time(b["engines"][e], opts["rounds"]) for e in engines]
            lines.append(row([b["name"]] + cells + [fmt_ratio(b["engines"][e]["speedup"]) for e in others]))
        means = [fmt_ratio(doc["geomean"][group][e]) for e in others]
        lines.append(row(["geometric mean"] + [""] * len(engines) + means))
    if others:
        overall = ", ".join("%s %s" % (e, fmt_ratio(doc["geomean"]["all"][e])) for e in others)
        lines += ["", "Geometric mean speed-up over all benchmarks: " + overall + "."]
    with_stats = [b for b in doc["benchmarks"] if b.get("stats")]
    if with_stats:
        lines += [
            "",
            "### diojit.stats() per benchmark (the measured process of the last round)",
            "",
            row(["benchmark"] + [t for t, _ in STATS_COLUMNS]),
            row(["---"] + ["---:"] * len(STATS_COLUMNS)),
        ]
        for b in with_stats:
            stats = dict(b["stats"], side_exits_per_kcall=side_exits_per_kcall(b["stats"]))
            lines.append(row([b["name"]] + [fmt_stat(k, stats.get(k)) for _, k in STATS_COLUMNS]))
    return "\n".join(lines) + "\n"
