"""trans: seven chained local assignments, f(10) == 17."""


def f(x):
    y = x + 1
    z = y + 1
    x = z + 1
    y = x + 1
    z = y + 1
    x = z + 1
    y = x + 1
    return y


CALLS = 10_000_000


def run(n):
    r = 0
    for _ in range(n):
        r = f(10)
    if r != 17:
        raise AssertionError("f(10) = %r, expected 17" % (r,))
    return r


ITEMS = {"trans": (run, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
