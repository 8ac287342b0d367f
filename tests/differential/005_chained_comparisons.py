"""Chained comparisons (a < b < c), evaluation order and single evaluation of the middle operand."""

log = []


def v(x):
    log.append(x)
    return x


def chain(a, b, c):
    return a < b < c, a <= b == c, a < b > c, a != b != c


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for t in [(1, 2, 3), (1, 1, 1), (3, 2, 1), (1, 3, 2), (2, 2, 3)]:
        print(t, chain(*t))

    print(v(1) < v(2) < v(3) < v(0) < v(9))
    print(log)
    log.clear()
    print(v(5) < v(2) < v(100))
    print(log)


    def in_range(xs, lo, hi):
        return [x for x in xs if lo <= x < hi]


    print(in_range(range(20), 4, 9))
    two = 2
    print(1 < two is not None, 1 == 1 in [1], "a" < "b" not in "xyz")
