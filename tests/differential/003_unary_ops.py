"""UNARY_NEGATIVE, UNARY_POSITIVE, UNARY_INVERT, UNARY_NOT on builtins and user types, plus their errors."""


class U:
    def __neg__(self):
        return "neg"

    def __pos__(self):
        return "pos"

    def __invert__(self):
        return "inv"

    def __bool__(self):
        return False


def f(x):
    out = []
    for op in ("neg", "pos", "inv", "not"):
        try:
            if op == "neg":
                out.append(-x)
            elif op == "pos":
                out.append(+x)
            elif op == "inv":
                out.append(~x)
            else:
                out.append(not x)
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for v in [0, 5, -3, 2**70, 1.5, -0.0, True, False, U(), "s", [], [0], None]:
        r = f(v)
        print(type(v).__name__, [repr(x) for x in r])
