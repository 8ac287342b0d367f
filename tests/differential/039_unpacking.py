"""UNPACK_SEQUENCE and UNPACK_EX: tuples, lists, strings, iterators, nested targets, starred targets, and the error messages."""


def main():
    a, b = 1, 2
    a, b = b, a
    c, d, e = [3, 4, 5]
    f, g = "xy"
    (h, i), j = (6, 7), 8
    first, *rest = range(5)
    *init, last = [1, 2, 3]
    x, *mid, y = "abcdef"
    p, *q = [1]
    k, (l, *m) = 1, (2, 3, 4)
    print(a, b, c, d, e, f, g, h, i, j, first, rest, init, last, x, mid, y, p, q, k, l, m)
    it = iter([10, 20, 30])
    u, v, w = it
    print(u, v, w)
    for (n, s), t in [((1, "a"), True), ((2, "b"), False)]:
        print(n, s, t)
    total = 0
    for i2, j2 in zip(range(100), range(100, 200)):
        total += i2 * j2
    print(total)
    cases = [
        lambda: [(aa, bb) for aa, bb in [(1, 2, 3)]],
        lambda: [(aa, bb) for aa, bb in [(1,)]],
        lambda: [(aa, bb) for aa, bb in [1]],
        lambda: [(aa, *bb, cc) for aa, *bb, cc in [(1,)]],
        lambda: [(aa, bb) for aa, bb in [iter([1, 2, 3])]],
        lambda: [(aa, bb) for aa, bb in [{"x": 1}]],
        lambda: [(aa, bb) for aa, bb in ["abc"]],
    ]
    for fn in cases:
        try:
            print(fn())
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ":", e)
    d = {"a": 1, "b": 2}
    ka, kb = d
    print(ka, kb)
    [x1, [y1, z1]] = [1, [2, 3]]
    print(x1, y1, z1)


main()
main()  # again: the second run goes through code compiled during the first
