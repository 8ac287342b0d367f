"""Types the compiler infers and uses without checking: parameters specialised on the type every profiled call passed (int, float, list, tuple), results of int and float arithmetic on known types feeding further arithmetic, comparisons and calls (including self calls that skip the callee's entry checks), each also when the values leave the fast paths: big ints, non-finite floats, comparisons of big ints with floats, and later calls with other types."""


def powers(n):
    out = []
    for k in range(n):
        x = 2 ** (k * 10)          # an int, big from k = 4 on
        out.append((x < 1e27, x > 1e27, x * 0.5 < 1e30, (x + 1) // 3 % 7))
    return out


def mixed(a, b):
    # a: int, b: float
    c = a * 2 + 1
    d = c / 4
    e = d * b - a
    f = (c - a) // 2 % 5
    return (c, d, e, f, c > b, d < e)


def count_down(n, acc):
    if n == 0:
        return acc
    return count_down(n - 1, acc + n * n)


def scale(xs, k):
    # xs: list, k: int or float
    total = 0
    for i in range(len(xs)):
        total = total + xs[i] * k
    return total


def pick(t, i):
    # t: tuple
    return t[i] + t[-1]


def squares(values):
    out = []
    for v in values:
        sq = v ** 2
        out.append((sq, type(sq).__name__, (v + 1) ** 2 - v ** 2))
    return out


def halve(x):
    return x / 2 if x > 1 else x


def main():
    print(powers(8))
    for i in range(3):
        print(mixed(i, 1.5), mixed(10**20 + i, 2.0))
    print(mixed(3, float("inf")), mixed(2, float("nan"))[:4])
    print(count_down(50, 0), count_down(30, 2**70), count_down(10, 0.5))
    print(scale([1, 2, 3], 2), scale([1.5, 2.5], 3), scale([1, 2], 0.5), scale((1, 2), 2))
    print(pick((1, 2, 3), 0), pick((1.5, 2.5), 1), pick(("a", "b"), 0))
    try:
        pick([1, 2], 0)
        pick((1, 2), 5)
    except IndexError as e:
        print("IndexError:", e)
    print([halve(v) for v in (8, 3, 1, 2**80, 7.0, -4)])
    print(squares([0, -3, 2**29, 2**30 - 1, 2**31, -(2**40), True, 1.5, -0.0, 1e150]))


main()
main()
