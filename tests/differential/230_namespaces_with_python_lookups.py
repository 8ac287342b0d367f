"""Self-recursive int functions (which may run without frames) in namespaces whose lookups run Python code — globals and builtins that are dict subclasses with __getitem__, a globals dict holding a str-subclass key whose __hash__ collides with the function's name (its __eq__ runs on every lookup) — and a local bound on some paths only, seen in the frames of a traceback."""

import builtins
import sys
import types

FIB = '''
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
'''


# Globals whose __getitem__ starts answering another function after 100
# lookups: every LOAD_GLOBAL after that sees it.
class Switching(dict):
    lookups = 0

    def __getitem__(self, key):
        Switching.lookups += 1
        if key == "fib" and Switching.lookups > 100:
            return lambda n: 0
        return dict.__getitem__(self, key)


g = Switching(__builtins__=builtins)
exec(FIB, g)
fib = dict.__getitem__(g, "fib")
for _ in range(3):
    Switching.lookups = 0
    print("switching globals", fib(20), Switching.lookups)


# Builtins that count their lookups, the function found only there.
class Counting(dict):
    n = 0

    def __getitem__(self, key):
        Counting.n += 1
        return dict.__getitem__(self, key)


b = Counting(vars(builtins))
fib_b = types.FunctionType(compile(FIB, "<fib>", "exec").co_consts[0], {"__builtins__": b}, "fib")
b["fib"] = fib_b
for _ in range(3):
    Counting.n = 0
    print("counting builtins", fib_b(15), Counting.n)


# A key whose hash collides with "fib": every lookup of "fib" calls its
# __eq__.
calls = [0]


class Colliding(str):
    def __hash__(self):
        return hash("fib")

    def __eq__(self, other):
        calls[0] += 1
        return str.__eq__(self, other)


g2 = {"__builtins__": builtins, Colliding("zzz"): 1}
exec(FIB, g2)
# How many times one lookup of "fib" calls __eq__ depends on the hash
# seed (the probe sequence may meet the colliding key more than once).
calls[0] = 0
g2["fib"]
per_lookup = calls[0]
for _ in range(3):
    calls[0] = 0
    result = g2["fib"](15)
    # One lookup for the subscript, then one per LOAD_GLOBAL executed.
    print("colliding key", result, per_lookup > 0, calls[0] == per_lookup * (1 + 2 * 986))


# A local bound on one path only: frames show it exactly where it was bound.
def partial(n):
    if n > 3:
        x = n * 2
    if n <= 0:
        return 0
    return partial(n - 1) + 1


for _ in range(5):
    partial(10)
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
try:
    partial(10**6)
except RecursionError as e:
    tb, seen = e.__traceback__, []
    while tb:
        if tb.tb_frame.f_code is partial.__code__:
            seen.append("x" in tb.tb_frame.f_locals)
        tb = tb.tb_next
    print("partial", len(seen), seen.count(False))
finally:
    sys.setrecursionlimit(old)
