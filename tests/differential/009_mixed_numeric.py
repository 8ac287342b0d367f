"""Mixed int/float/complex/bool arithmetic and type promotion, results and result types."""


def combine(a, b):
    r = []
    for op in (lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y, lambda x, y: x / y):
        try:
            v = op(a, b)
            r.append((type(v).__name__, v))
        except ZeroDivisionError as e:
            r.append(("ZeroDivisionError", str(e)))
    return r


vals = [3, 2.0, True, False, 1 + 2j, 10**20]
for a in vals:
    for b in vals:
        print(repr(a), repr(b), combine(a, b))
print(True + True, True * 7, -True, ~True, False ** 0)
print(complex(1, 2) ** 2, abs(3 + 4j), (1j) ** 2)
