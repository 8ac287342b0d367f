"""Numeric equality across types as dict/set keys (1 == 1.0 == True), hash consistency, -0.0 and nan keys, Decimal/Fraction keys."""
from decimal import Decimal
from fractions import Fraction


def main():
    d = {}
    d[1] = "int"
    d[1.0] = "float"
    d[True] = "bool"
    d[Fraction(1)] = "fraction"
    d[Decimal(1)] = "decimal"
    print(d, type(list(d)[0]).__name__)
    s = {0, 0.0, -0.0, False}
    print(s, len({float("nan"), float("nan")}), hash(-1) == hash(-2), hash(2**61 - 1) == hash(0))
    n = float("nan")
    dn = {n: 1}
    print(dn[n], n in dn, float("nan") in dn)
    counts = {}
    for v in [1, 1.0, 2, 2.0, True, 3 + 0j, 3, Fraction(6, 2)]:
        counts[v] = counts.get(v, 0) + 1
    print(counts)
    print(hash(1.5) == hash(Fraction(3, 2)), hash(10**20) == hash(float(10**20)), {1: "a"} == {1.0: "a"})


main()
main()  # again: the second run goes through code compiled during the first
