"""Arbitrary-precision ints: growth past machine words, overflow of small-int fast paths, pow, divmod, bit ops."""


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main():
    print(fact(30))
    print(fact(60) // fact(58))
    print(fib(200))
    x = 2**63 - 1
    print(x + 1, -x - 2, x * x, (x + 1) // 3, (x + 1) % 7)
    y = 1 << 62
    for i in range(5):
        y += y
        print(y, y.bit_length())
    print(pow(3, 200, 10**9 + 7), pow(2, -1, 7), divmod(-(10**30), 7))
    print((10**40) >> 100, (10**40) << 3, (-(10**40)) >> 3, ~(10**25))
    print((2**100) & (2**100 - 1), (2**100) | 5, (2**100) ^ (2**99))
    print(int("9" * 50) + 1, str(-(7**77))[:20], hex(2**130))
    print(abs(-(2**90)), -(2**90) < 0, 2**90 == 2.0**90, 2**90 > 1e27)
    s = 0
    for i in range(1000):
        s += i * 4611686018427387904
    print(s)
    try:
        print(10**400 / 1)
    except OverflowError as e:
        print("OverflowError:", e)


main()
main()  # again: the second run goes through code compiled during the first
