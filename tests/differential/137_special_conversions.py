"""__index__, __int__, __float__, __complex__, __str__, __repr__, __format__, __bytes__, __round__, __abs__ used by builtins."""


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Num:
    def __int__(self):
        return 7

    def __float__(self):
        return 2.5

    def __complex__(self):
        return 1j

    def __round__(self, n=None):
        return "rounded(%r)" % (n,)

    def __abs__(self):
        return "absolute"

    def __bytes__(self):
        return b"bytes!"

    def __str__(self):
        return "str-form"

    def __repr__(self):
        return "repr-form"


def main():
    i = Idx(2)
    lst = list(range(10))
    print(lst[i], lst[i:Idx(5)], range(Idx(3))[i], hex(Idx(255)), bin(i), "ab"[Idx(1)], [0] * Idx(3), (1 << int(Idx(4))))
    n = Num()
    print(int(n), float(n), complex(n), round(n), round(n, 2), abs(n), bytes(n), str(n), repr(n), f"{n}", f"{n!r}", "%s %r" % (n, n))
    for bad in [lambda: lst[Num()], lambda: int(object()), lambda: float("x"), lambda: Idx("s").__index__() + lst[Idx("s")]]:
        try:
            bad()
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)


main()
main()  # again: the second run goes through code compiled during the first
