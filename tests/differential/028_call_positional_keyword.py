"""Calls with positional and keyword arguments (KW_NAMES/PRECALL/CALL), defaults, keyword order, in a hot loop."""


def f(a, b=2, c=3):
    return a * 100 + b * 10 + c


def g(x, y, *, z=0):
    return (x, y, z)


def main():
    acc = 0
    for i in range(200):
        acc += f(i) + f(i, 1) + f(i, c=1) + f(a=i, b=0, c=0) + f(i, c=i % 3, b=i % 5)
    print(acc)
    print(f(1), f(1, 5), f(1, c=9), f(c=1, a=2), f(1, 2, 3), f(*[4, 5], c=6))
    print(g(1, 2), g(1, y=2), g(y=1, x=2, z=3), g(1, 2, z=[]))
    print(sorted([3, 1, 2], reverse=True), dict(a=1, b=2), int("ff", base=16), "x".join(["a", "b"]))
    print(max([1, 5, 3], key=lambda v: -v), print("inner", sep="", end="|"))


main()
main()  # again: the second run goes through code compiled during the first
