"""decimal and fractions arithmetic in loops, contexts, rounding modes, exact results, and their exceptions."""
import decimal
from decimal import Decimal
from fractions import Fraction


def harmonic(n):
    s = Fraction(0)
    for i in range(1, n + 1):
        s += Fraction(1, i)
    return s


def compound(principal, rate, years):
    amount = Decimal(principal)
    for _ in range(years):
        amount = (amount * (1 + Decimal(rate))).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_EVEN)
    return amount


def main():
    print(harmonic(20), float(harmonic(20)), Fraction(3, 9), Fraction("1.25") * 4, Fraction(1, 3) ** 2)
    print(compound("1000", "0.05", 10), Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7))
    with decimal.localcontext() as ctx:
        ctx.prec = 5
        print(Decimal(1) / Decimal(7), Decimal("123456789") + 0)
    print(Decimal("2.5").quantize(Decimal("1"), rounding=decimal.ROUND_HALF_UP), round(Decimal("2.675"), 2))
    try:
        Decimal(1) / Decimal(0)
    except decimal.DivisionByZero as e:
        print("DivisionByZero:", type(e).__name__)
    try:
        Fraction(1, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        Decimal("abc")
    except decimal.InvalidOperation as e:
        print("InvalidOperation:", type(e).__name__)
    print(Decimal("NaN").is_nan(), Decimal("-0"), Decimal("1e3").normalize(), Fraction(0.75), Fraction(7, -3))


main()
main()  # again: the second run goes through code compiled during the first
