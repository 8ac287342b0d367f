"""hypot: a type test per argument, then float arithmetic.

Timed twice: with str arguments ("hypot_str", the DIO-JIT table's
hypot(str, str)) and with int arguments ("hypot_int").
"""

import math


def hypot(x, y):
    if isinstance(x, str):
        x = int(x)
    if isinstance(y, str):
        y = int(y)
    return math.sqrt(x**2 + y**2)


CALLS = 3_000_000


def run_str(n):
    r = 0.0
    for _ in range(n):
        r = hypot("3", "4")
    if r != 5.0:
        raise AssertionError('hypot("3", "4") = %r, expected 5.0' % (r,))
    return r


def run_int(n):
    r = 0.0
    for _ in range(n):
        r = hypot(3, 4)
    if r != 5.0:
        raise AssertionError("hypot(3, 4) = %r, expected 5.0" % (r,))
    return r


ITEMS = {"hypot_str": (run_str, CALLS), "hypot_int": (run_int, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
