"""Floor division and modulo sign rules for negative and big operands, divmod, pow edge cases, shift errors."""


def table():
    rows = []
    for a in (7, -7, 2**65 + 3, -(2**65) - 3):
        for b in (2, -2, 3, -(2**64)):
            rows.append((a // b, a % b, divmod(a, b) == (a // b, a % b), -a // b))
    return rows


def main():
    for r in table():
        print(r)
    print(0**0, 2**-1, (-2) ** -2, pow(-8, 1 / 3) if False else (-8) ** 2, 10**-3, pow(5, 0, 1), pow(-3, 3, 7))
    for fn in (lambda: pow(0, -1), lambda: 0 ** -1, lambda: 1 % 0, lambda: divmod(5, 0), lambda: 2**65 // 0,
               lambda: 1 << -1, lambda: 1 >> -3, lambda: pow(2, 3, 0), lambda: pow(2, 0.5, 3), lambda: 1 << 2**64):
        try:
            print(fn())
        except (ZeroDivisionError, ValueError, TypeError, OverflowError, MemoryError) as e:
            print(type(e).__name__ + ":", e)
    print(-1 >> 100, 1 >> 100, -(2**200) >> 199, 5 << 0, (-5) >> 1, -5 // 2, int(-5 / 2))
    x = 0
    for i in range(1, 300):
        x += (i ** 3) // (i % 17 + 1) - (i << (i % 7)) % 13
    print(x)


main()
main()  # again: the second run goes through code compiled during the first
