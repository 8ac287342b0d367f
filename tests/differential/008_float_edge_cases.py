"""Float edge cases: inf, nan, -0.0, ZeroDivisionError messages, OverflowError, rounding, repr."""
import math


def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: %s" % e


def floordiv(a, b):
    try:
        return a // b, a % b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: %s" % e


def main():
    inf = float("inf")
    nan = float("nan")
    print(inf, -inf, nan, inf - inf, inf * 0, -0.0, 0.0 == -0.0, math.copysign(1, -0.0))
    print(repr(-0.0 + 0.0), repr(-0.0 * 1), repr(0.0 * -1), repr(-0.0 - 0.0))
    print(nan == nan, nan != nan, nan < 1, inf > 1e308, -inf < -1e308)
    print(divide(1.0, 0.0), divide(1, 0), divide(0.0, 0), divide(5, 2), divide(-5, 2))
    print(floordiv(7.5, 2), floordiv(-7.5, 2), floordiv(7, 0.0), floordiv(7, 0), floordiv(-7, 2))
    print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2)
    try:
        print(2.0 ** 10000)
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(math.exp(1000))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(float(10**400))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print((-8.0) ** 0.5)
    except Exception as e:
        print(type(e).__name__, e)
    print(0.1 + 0.2, 1 / 3, round(2.5), round(3.5), round(-0.5), round(1.23456, 3))
    print(int(-2.9), int(2.9), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
    print(float("1e500"), float("-1e500"), math.isnan(nan), math.isinf(-inf))
    acc = 0.0
    for i in range(1, 1000):
        acc += 1.0 / i
        acc -= 0.5 / i
    print(acc)
    print(divmod(-7.0, 2.0), divmod(7.0, -2.0), -7.0 % 2.0, 7.0 % -2.0, -0.0 % 5.0)
    print(max(nan, 1.0), min(1.0, nan), sorted([3.0, -0.0, 0.0, -inf, inf]))
    try:
        int(nan)
    except ValueError as e:
        print("ValueError:", e)
    try:
        int(inf)
    except OverflowError as e:
        print("OverflowError:", e)


main()
main()  # again: the second run goes through code compiled during the first
