"""fibs: fib(20) with a constant argument.

A specialising compiler can fold the whole call to 6765; an interpreter makes
21,891 calls.
"""


def fib(a):
    if a <= 2:
        return 1
    return fib(a - 1) + fib(a - 2)


CALLS = 2_000


def run(n):
    r = 0
    for _ in range(n):
        r = fib(20)
    if r != 6765:
        raise AssertionError("fib(20) = %r, expected 6765" % (r,))
    return r


ITEMS = {"fibs": (run, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
