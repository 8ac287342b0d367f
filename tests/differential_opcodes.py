"""Opcode coverage of the differential corpus.

Compiles every program in tests/differential/ (without running it), walks
all nested code objects, and reports which CPython 3.11 opcodes appear
against the opcodes the interpreter can emit in ordinary (non-generator)
function and module bodies. Code built at run time from strings (``exec``,
``compile``) is not seen here.

    python tests/differential_opcodes.py [--verbose]

Exits with status 1 when an expected opcode is missing.
"""

import dis
import opcode
import pathlib
import sys

CORPUS = pathlib.Path(__file__).resolve().parent / "differential"

#: Opcodes that only occur in generator, coroutine and async-generator
#: bodies (or in the machinery that creates them).
GENERATOR_ONLY = frozenset({
    "RETURN_GENERATOR", "YIELD_VALUE", "SEND", "GET_YIELD_FROM_ITER",
    "JUMP_BACKWARD_NO_INTERRUPT", "GET_AWAITABLE", "GET_AITER", "GET_ANEXT",
    "END_ASYNC_FOR", "BEFORE_ASYNC_WITH", "ASYNC_GEN_WRAP",
})

#: Not instructions of their own, or only emitted in interactive mode.
NOT_EXPECTED = frozenset({"CACHE", "PRINT_EXPR"})


def expected_opcodes():
    return sorted(set(opcode.opmap) - GENERATOR_ONLY - NOT_EXPECTED)


def programs():
    return sorted(p for p in CORPUS.glob("[0-9][0-9][0-9]_*.py"))


def code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, type(code)):
            yield from code_objects(const)


def raw_opcodes(code):
    """Every opcode in ``code``'s bytecode, EXTENDED_ARG included, CACHE entries skipped."""
    raw = code.co_code
    i = 0
    while i < len(raw):
        op = raw[i]
        yield opcode.opname[op]
        i += 2 * (1 + opcode._inline_cache_entries[op])


def coverage():
    """Map opcode name -> sorted list of programs using it."""
    seen = {}
    for path in programs():
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        names = set()
        for co in code_objects(code):
            names.update(raw_opcodes(co))
        for name in names:
            seen.setdefault(name, []).append(path.name)
    return seen


def main(argv):
    verbose = "--verbose" in argv
    seen = coverage()
    expected = expected_opcodes()
    missing = [name for name in expected if name not in seen]
    print("programs: %d" % len(programs()))
    print("expected non-generator opcodes: %d, covered: %d" % (len(expected), len(expected) - len(missing)))
    if verbose:
        for name in expected:
            users = seen.get(name, [])
            print("  %-28s %4d  %s" % (name, len(users), users[0] if users else "-"))
    extra = sorted(n for n in seen if n in GENERATOR_ONLY)
    print("generator-only opcodes also present (passed through): %s" % (", ".join(extra) or "none"))
    if missing:
        print("MISSING: %s" % ", ".join(missing))
        return 1
    print("missing: none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
