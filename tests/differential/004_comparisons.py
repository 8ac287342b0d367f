"""COMPARE_OP with every operator on ints, floats, strings, tuples, mixed types, and their TypeErrors."""


def cmp_all(a, b):
    res = []
    for name in ("<", "<=", "==", "!=", ">", ">="):
        try:
            if name == "<":
                r = a < b
            elif name == "<=":
                r = a <= b
            elif name == "==":
                r = a == b
            elif name == "!=":
                r = a != b
            elif name == ">":
                r = a > b
            else:
                r = a >= b
            res.append(r)
        except TypeError as e:
            res.append("TypeError(%s)" % e)
    return res


pairs = [
    (1, 2), (2, 2), (3, 2), (1, 1.0), (2**100, 2**100 + 1), (-1, -1.5),
    ("a", "b"), ("abc", "ab"), ((1, 2), (1, 3)), ([1], [1]), (None, None),
    (1, "1"), (None, 0), (float("nan"), float("nan")), (1.0, float("inf")),
]
for a, b in pairs:
    print(repr(a), repr(b), cmp_all(a, b))


def count_lt(n):
    c = 0
    for i in range(n):
        if i < n // 2:
            c += 1
        if i >= n - 3:
            c += 100
        if i == 7:
            c += 1000
        if i != 7:
            c += 0
    return c


print(count_lt(20), count_lt(5))
