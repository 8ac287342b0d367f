"""The human-readable stats report (``DIOJIT_STATS=1``, ``--stats``)."""

# Label for each counter of stats(), in report order.
_LABELS = [
    ("calls", "calls seen by the hook"),
    ("native_calls", "calls run as native code"),
    ("passed_through", "frames passed straight to the interpreter"),
    ("functions_seen", "functions seen"),
    ("hot_functions", "hot functions"),
    ("opted_out", "functions opted out (@nojit)"),
    ("compiled", "functions compiled"),
    ("code_bytes", "native code bytes"),
    ("deep_recursion", "deep recursions left to the interpreter"),
    ("frames_built", "frames of frameless calls built"),
    ("internal_errors", "internal errors contained"),
]

_BY_REASON = [
    ("compile_failures", "compile failures"),
    ("side_exits", "side exits"),
    ("side_exits_by_opcode", "side exits by instruction"),
    ("invalidations", "invalidations"),
    ("recompiles", "recompilations"),
    ("cache_misses", "inline cache misses"),
]


def format_report(stats):
    lines = ["diojit stats"]
    width = max(len(label) for _, label in _LABELS + _BY_REASON) + 2
    state = "on" if stats.get("enabled") else "off"
    lines.append("  %-*s %s (threshold %s)" % (width, "JIT", state, stats.get("threshold")))
    for key, label in _LABELS:
        if key in stats:
            lines.append("  %-*s %15s" % (width, label, "{:,}".format(stats[key])))
    if "compile_time_ns" in stats:
        lines.append("  %-*s %15s" % (width, "compile time", "%.3f s" % (stats["compile_time_ns"] / 1e9)))
    for key, label in _BY_REASON:
        reasons = stats.get(key) or {}
        total = sum(reasons.values())
        lines.append("  %-*s %15s" % (width, label, "{:,}".format(total)))
        for reason, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append("      %-*s %15s" % (width - 4, reason, "{:,}".format(count)))
    return "\n".join(lines)
