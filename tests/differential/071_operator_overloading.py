"""Operator overloading: __add__/__radd__/__iadd__, NotImplemented fallback, reflected ops of subclasses, comparisons, __hash__."""


class V:
    def __init__(self, *c):
        self.c = c

    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return V(*(a + o for a in self.c))
        return NotImplemented

    def __radd__(self, o):
        print("radd called with", o)
        return self + o

    def __iadd__(self, o):
        print("iadd")
        self.c = (self + o).c
        return self

    def __mul__(self, k):
        return V(*(a * k for a in self.c))

    __rmul__ = __mul__

    def __sub__(self, o):
        return self + (o * -1)

    def __neg__(self):
        return self * -1

    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c

    def __hash__(self):
        return hash(self.c)

    def __lt__(self, o):
        return sum(self.c) < sum(o.c)

    def __repr__(self):
        return "V%r" % (self.c,)


class W(V):
    def __radd__(self, o):
        return "W.__radd__ wins"


def main():
    a = V(1, 2)
    b = V(10, 20)
    print(a + b, a + 1, 1 + a, 2 * a, a * 3, a - b, -a, a == V(1, 2), a != b, a < b, b > a)
    c = a
    c += b
    print(c, a, c is a)
    print(V(1) + W(2), sum([V(1, 1), V(2, 2)], V(0, 0)), sorted([V(5), V(1), V(3)]))
    try:
        a + "s"
    except TypeError as e:
        print("TypeError:", e)
    try:
        a <= b
    except TypeError as e:
        print("TypeError:", e)
    s = V(0, 0)
    for i in range(50):
        s = s + V(i, 1)
    print(s, len({V(1), V(1), V(2)}))


main()
main()  # again: the second run goes through code compiled during the first
