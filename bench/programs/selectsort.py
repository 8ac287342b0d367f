"""selectsort: selection sort of 100 ints through two small helpers."""


def argmin(xs, i, n):
    best = i
    smallest = xs[i]
    for j in range(i + 1, n):
        if xs[j] < smallest:
            smallest = xs[j]
            best = j
    return best


def swap(xs, i, j):
    xs[i], xs[j] = xs[j], xs[i]


def selectsort(xs):
    n = len(xs)
    for i in range(n - 1):
        swap(xs, i, argmin(xs, i, n))
    return xs


def numbers(count, seed):
    """Values in 0..9999 from a fixed linear congruential generator: the same
    list on every Python implementation, unlike the random module."""
    out = []
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) % 2**31
        out.append(seed % 10000)
    return out


DATA = numbers(100, 2021)
SORTED = sorted(DATA)
CALLS = 10_000


def run(n):
    ys = None
    for _ in range(n):
        ys = selectsort(list(DATA))
    if ys != SORTED:
        raise AssertionError("selectsort gave %r, expected %r" % (ys, SORTED))
    return sum(i * y for i, y in enumerate(ys))


ITEMS = {"selectsort": (run, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
