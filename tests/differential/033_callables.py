"""Calling objects with __call__, classes, builtins, functools.partial, bound builtin methods, lambdas, and non-callables."""
import functools


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, scale=1):
        return (x + self.n) * scale


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a


def main():
    add3 = Adder(3)
    r = 0
    for i in range(50):
        r += add3(i) + add3(i, scale=2)
    print(r)
    p = functools.partial(pow, 2)
    print(p(10), functools.partial(add3, scale=10)(1), (lambda *a: a)(1, 2))
    print(WithMeta(5).a, type("T", (), {"z": 1})().z, list.__call__ if False else list((1, 2)))
    fns = [len, str.upper, abs, add3, Adder, "abc".count]
    print([f.__class__.__name__ for f in fns])
    print(len("abc"), str.upper("x"), abs(-4), "abcabc".count("b"))
    try:
        Adder(1)(1, 2, 3)
    except TypeError as e:
        print("TypeError:", e)
    try:
        s = "str"
        s()
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
