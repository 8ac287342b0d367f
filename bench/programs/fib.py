"""fib: naive recursion, the call-heavy item of the DIO-JIT table.

One call is fib(15) = 610 (1,219 Python calls).
"""


def fib(a):
    if a <= 2:
        return 1
    return fib(a - 1) + fib(a - 2)


CALLS = 20_000


def run(n):
    r = 0
    for _ in range(n):
        r = fib(15)
    if r != 610:
        raise AssertionError("fib(15) = %r, expected 610" % (r,))
    return r


ITEMS = {"fib": (run, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
