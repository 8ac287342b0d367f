"""Runs one differential program under the JIT and records what the JIT did.

    DIOJIT=1 DIOJIT_THRESHOLD=1 python tests/differential_driver.py OUT.json PROGRAM.py

The program runs as ``__main__`` much as ``python PROGRAM.py`` would run it
(same ``sys.argv[0]``, ``sys.path[0]``, ``__file__``), from a code object
compiled here so that every nested code object can be looked up afterwards.
At exit (after the program's own atexit handlers) OUT.json receives
``diojit.stats()`` and, for each code object of the program (and each one
the program built with ``compile()``), its name, first line, call count,
JIT state and the opcodes it contains.

Used by tests/test_differential.py; the output of such a run is not
compared (tracebacks gain this driver's frame).
"""

import atexit
import json
import os
import sys
import types


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _opcodes(code):
    import opcode

    raw = code.co_code
    names = set()
    i = 0
    while i < len(raw):
        op = raw[i]
        names.add(opcode.opname[op])
        i += 2 * (1 + opcode._inline_cache_entries[op])
    return sorted(names)


def _report(out_path, codes):
    import diojit

    functions = []
    for co in codes:
        info = diojit._core.code_info(co)
        functions.append({
            "name": co.co_qualname,
            "firstlineno": co.co_firstlineno,
            "calls": info.get("calls", 0),
            "state": info.get("state"),
            "opcodes": _opcodes(co),
        })
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"stats": diojit.stats(), "functions": functions}, f)


def _recording_compile(codes, corpus_dir):
    """Records code the program compiles from strings (not modules the
    import system compiles, except the corpus's own helpers)."""
    import builtins

    original = builtins.compile

    def compile(*args, **kwargs):
        result = original(*args, **kwargs)
        if isinstance(result, types.CodeType):
            filename = result.co_filename
            if not os.path.isfile(filename) or os.path.dirname(os.path.abspath(filename)) == corpus_dir:
                codes.extend(_code_objects(result))
        return result

    builtins.compile = compile


def main():
    out_path, program = sys.argv[1], os.path.abspath(sys.argv[2])
    with open(program, "rb") as f:
        source = f.read()
    code = compile(source, program, "exec", dont_inherit=True)
    codes = list(_code_objects(code))
    atexit.register(_report, out_path, codes)
    _recording_compile(codes, os.path.dirname(program))
    module = types.ModuleType("__main__")
    module.__file__ = program
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    sys.argv = [program] + sys.argv[3:]
    sys.path[0] = os.path.dirname(program)
    exec(code, module.__dict__)


if __name__ == "__main__":
    main()
