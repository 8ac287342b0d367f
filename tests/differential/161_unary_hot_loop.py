"""UNARY_INVERT/UNARY_POSITIVE/UNARY_NEGATIVE/UNARY_NOT in hot loops over ints, big ints, floats, bools and user types."""
from decimal import Decimal
from fractions import Fraction


class Sym:
    def __init__(self, s):
        self.s = s

    def __invert__(self):
        return Sym("~" + self.s)

    def __pos__(self):
        return Sym("+" + self.s)

    def __neg__(self):
        return Sym("-" + self.s)

    def __repr__(self):
        return self.s


def spin(values):
    out = []
    for v in values:
        try:
            out.append((~v, +v, -v, not v))
        except TypeError as e:
            out.append(str(e))
    return out


def main():
    acc = 0
    for i in range(-500, 500):
        acc += ~i + (+i) - (-i) + (not i)
    print(acc)
    big = 2**80
    print(~big, -big, +big, ~-big, not big)
    print(spin([0, 7, -7, True, False, 2.5, -0.0, Sym("x"), Decimal("-1.5"), Fraction(-1, 3), 1j, "s", None]))
    x = Sym("a")
    for _ in range(3):
        x = ~-+x
    print(x)


main()
main()  # again: the second run goes through code compiled during the first
