"""diojit: a JIT compiler for CPython 3.11.

Turn it on for a whole program with ``DIOJIT=1 python program.py`` or
``python -m diojit program.py``, or from code::

    import diojit
    diojit.enable()

Hot functions are then profiled (and, as the compiler lands, run as native
code) with no change in behaviour. See README.md for the full interface.
"""

import os
import sys

__version__ = "0.1.0"
__all__ = [
    "enable",
    "disable",
    "is_enabled",
    "nojit",
    "stats",
    "reset_stats",
    "info",
    "dis",
    "format_stats",
    "print_stats",
    "DEFAULT_THRESHOLD",
    "SUPPORTED_VERSIONS",
]

#: Interpreter versions diojit can run on, as ``(major, minor)`` pairs.
SUPPORTED_VERSIONS = ((3, 11),)


def _why_unsupported():
    if sys.implementation.name != "cpython" or tuple(sys.version_info[:2]) not in SUPPORTED_VERSIONS:
        running = "%s %d.%d" % (sys.implementation.name, sys.version_info[0], sys.version_info[1])
        wanted = ", ".join("CPython %d.%d" % v for v in SUPPORTED_VERSIONS)
        return "diojit supports %s only; this interpreter is %s" % (wanted, running)
    return None


#: True in a subinterpreter: the JIT belongs to the main interpreter.
IN_SUBINTERPRETER = False


def _load_core():
    global _UNSUPPORTED, IN_SUBINTERPRETER
    _UNSUPPORTED = _why_unsupported()
    if _UNSUPPORTED is not None:
        return None
    try:
        from . import _core as core
    except ImportError as exc:
        if "main interpreter only" in str(exc):
            IN_SUBINTERPRETER = True
            _UNSUPPORTED = str(exc)
        else:  # a broken or foreign build of the extension
            _UNSUPPORTED = "diojit's native extension could not be loaded: %s" % exc
        return None
    return core


_core = _load_core()

#: Calls after which a function is hot, unless ``enable()`` or
#: ``DIOJIT_THRESHOLD`` says otherwise.
DEFAULT_THRESHOLD = 100 if _core is None else _core.DEFAULT_THRESHOLD


def _require_core():
    if _core is None:
        raise RuntimeError(_UNSUPPORTED)
    return _core


def enable(threshold=None):
    """Turn the JIT on for this interpreter (every thread).

    ``threshold`` is the number of calls after which a function is hot; by
    default ``DIOJIT_THRESHOLD`` from the environment, else
    ``DEFAULT_THRESHOLD``. Enabling again only updates the threshold.
    Raises ``RuntimeError`` on an unsupported interpreter or when another
    PEP 523 frame evaluator is installed, ``ValueError`` for a bad threshold.
    With ``DIOJIT_STATS=1`` in the environment a stats report is printed to
    stderr at exit.
    """
    core = _require_core()
    if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, int)):
        raise TypeError("threshold must be an int, not %s" % type(threshold).__name__)
    core.enable(threshold)
    if _env_flag("DIOJIT_STATS"):
        _at_exit_once(print_stats)
    if os.environ.get("DIOJIT_STATS_DIR"):
        _at_exit_once(_write_stats_file)


def disable():
    """Turn the JIT off: the interpreter's own evaluator runs every frame."""
    if _core is not None:
        _core.disable()


def is_enabled():
    """Whether the JIT's frame evaluator is installed."""
    return _core is not None and _core.is_enabled()


def nojit(func):
    """Decorator: never compile ``func``; returns ``func`` itself.

    Works on functions, methods, staticmethods and classmethods, before or
    after ``enable()``. On an unsupported interpreter it does nothing.
    """
    code = _code_of(func)
    if _core is not None:
        _core.opt_out(code)
    return func


def stats():
    """The JIT's counters as a dict (keys documented in README.md)."""
    return _require_core().stats()


def reset_stats():
    """Zero every counter of ``stats()``; function profiles are kept."""
    _require_core().reset_stats()


def info(func):
    """One function's profile: calls, state, observed argument types."""
    result = _require_core().code_info(_code_of(func))
    result["threshold"] = _core.stats()["threshold"]
    return result


def dis(func, file=None):
    """Print ``func``'s machine code interleaved with the bytecode it came
    from (or why it has none)."""
    import dis as bytecode

    code = _code_of(func)
    core = _require_core()
    out = sys.stdout if file is None else file
    details = core.code_info(code)
    blocks = core.native_listing(code)
    if blocks is None:
        why = details["fallback_reason"]
        print("%s: no native code (state: %s%s)" % (details["name"], details["state"], ": " + why if why else ""), file=out)
        return
    native = details["native"]
    print("%s: %d bytes of native code at %#x, compiled in %.1f us" % (
        details["name"], native["size"], native["address"], native["compile_time_ns"] / 1000), file=out)

    def show(rows):
        for address, hexbytes, text in rows:
            print("        %#x  %-24s %s" % (address, hexbytes, text), file=out)

    by_unit = {unit: rows for unit, rows in blocks if unit is not None}
    print("  ; prologue", file=out)
    show(blocks[0][1])
    for ins in bytecode.get_instructions(code):
        line = "%4s" % (ins.starts_line if ins.starts_line is not None else "")
        print("%s %6d %-26s %s" % (line, ins.offset, ins.opname, ins.argrepr), file=out)
        rows = by_unit.get(ins.offset // 2)
        if rows is not None:
            show(rows)
        elif ins.opname != "EXTENDED_ARG":
            print("        (not compiled: reached only through the interpreter)", file=out)
    print("  ; out-of-line paths", file=out)
    show(blocks[-1][1])


def format_stats(counters=None):
    """A readable report of ``stats()`` (or of the given stats dict)."""
    from ._report import format_report

    return format_report(stats() if counters is None else counters)


def print_stats(file=None):
    """Print ``format_stats()`` to ``file`` (default: stderr)."""
    print(format_stats(), file=sys.stderr if file is None else file, flush=True)


def _code_of(func):
    target = func
    for _ in range(8):  # unwrap staticmethod, classmethod, bound methods
        if hasattr(target, "__code__"):
            code = target.__code__
            if type(code).__name__ == "code":
                return code
            break
        inner = getattr(target, "__func__", None)
        if inner is None:
            break
        target = inner
    raise TypeError(
        "expected a Python function, method, staticmethod or classmethod, got %s"
        % type(func).__name__
    )


def _env_flag(name):
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no", "off")


_registered_at_exit = set()


def _at_exit_once(fn):
    if fn not in _registered_at_exit:
        import atexit

        atexit.register(fn)
        _registered_at_exit.add(fn)


def _write_stats_file():
    """``DIOJIT_STATS_DIR``: this process's stats as JSON, one file per
    process, for tools that aggregate over many processes."""
    import json

    directory = os.environ.get("DIOJIT_STATS_DIR")
    if not directory or _core is None:
        return
    try:
        path = os.path.join(directory, "diojit-stats-%d.json" % os.getpid())
        with open(path, "w", encoding="utf-8") as f:
            json.dump(stats(), f)
    except OSError as exc:
        sys.stderr.write("diojit: could not write stats to %s: %s\n" % (directory, exc))
