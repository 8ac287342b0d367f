"""The deepest recursion limit at which calls to C functions and methods fail, from code the interpreter has not warmed up yet (generic calls count a level) and from warm code (specialised calls count only METH_O/NOARGS)."""
import sys
from _testinternalcapi import get_recursion_depth

CALLS = {
    "len (METH_O)": lambda: len("abc"),
    "divmod (FASTCALL)": lambda: divmod(7, 2),
    "sorted (FASTCALL|KEYWORDS)": lambda: sorted([2, 1]),
    "print": lambda: print("", end=""),
    "list.copy (NOARGS)": lambda: [1].copy(),
    "list.append": lambda: [].append(1),
    "list.index (FASTCALL)": lambda: [1, 2].index(2),
    "str.join (METH_O)": lambda: ",".join(["a"]),
    "dict.get": lambda: {}.get(1),
    "int()": lambda: int("5"),
    "type(x)": lambda: type(1),
    "str(x)": lambda: str(3),
    "isinstance": lambda: isinstance(1, int),
}


def nest(n, call):
    # A fresh function per probe: its code starts cold.
    if n:
        return nest(n - 1, call)
    return call()


def probe(call, extra):
    """Whether `call` succeeds at a limit of `extra` levels above here."""
    base = get_recursion_depth()
    old = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(base + extra)
    except RecursionError:
        return "low"
    try:
        nest(2, call)
        return "ok"
    except RecursionError as e:
        return "RecursionError: %s" % e
    finally:
        sys.setrecursionlimit(old)


def table(warm):
    for name, call in CALLS.items():
        if warm:
            for _ in range(10):
                call()
        print(name, [probe(call, extra) for extra in range(3, 9)])


table(False)  # cold: each call's code runs for the first times
table(True)   # warm: the interpreter has specialised each call
