"""append3: three method calls on a list argument per call."""


def append3(xs, x):
    xs.append(x)
    xs.append(x)
    xs.append(x)


CALLS = 10_000_000
# The list is replaced once it holds this many items, so memory stays bounded.
RESET = 3_000


def run(n):
    xs = []
    appended = 0
    for i in range(n):
        append3(xs, i)
        if len(xs) >= RESET:
            if xs[-1] != i or xs[-3] != i:
                raise AssertionError("append3 stored %r, expected %r" % (xs[-3:], i))
            appended += len(xs)
            xs = []
    appended += len(xs)
    if appended != 3 * n:
        raise AssertionError("append3 appended %d items, expected %d" % (appended, 3 * n))
    return appended


ITEMS = {"append3": (run, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
