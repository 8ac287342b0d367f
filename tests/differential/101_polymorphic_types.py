"""One compiled function called with ints, floats, strings, lists, big ints, bools and user types in turn (type guards failing)."""


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    __radd__ = __add__

    def __mul__(self, o):
        return Num(self.v * (o.v if isinstance(o, Num) else o))

    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Num) else o)

    def __repr__(self):
        return "Num(%r)" % self.v


def combine(a, b):
    s = a + b
    p = a * 2
    lt = a < b
    return s, p, lt


def accumulate(items, start):
    total = start
    for x in items:
        total = total + x
    return total


def main():
    for a, b in [(1, 2), (1.5, 2), (2**70, 1), ("a", "b"), ([1], [2]), (True, False), (Num(3), 4), (Num(1), Num(2)),
                 (1, 2.5), ((1,), (2,)), (3, 4)]:
        print(combine(a, b))
    print(accumulate(range(10), 0), accumulate([0.5] * 4, 0), accumulate(["x", "y"], ""), accumulate([[1], [2]], []))
    print(accumulate([1, 2.5, 2**65, True, Num(1)], 0))
    mixed = [1, 2, 3.5, 4, 2**64, 5, -1.25, 6]
    out = []
    for i in range(len(mixed)):
        out.append(mixed[i] * 2 - 1)
    print(out)
    try:
        accumulate([1, 2, "three", 4], 0)
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
