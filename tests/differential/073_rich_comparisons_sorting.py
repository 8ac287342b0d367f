"""Sorting with key functions, reverse, stability, functools.cmp_to_key, total_ordering, __lt__ raising during sort."""
import functools
import operator


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts

    def __repr__(self):
        return ".".join(map(str, self.parts))


class Bomb:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        if self.v == 3 or o.v == 3:
            raise ArithmeticError("cannot compare 3")
        return self.v < o.v


def main():
    words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
    print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
    print(sorted(words, key=lambda w: (len(w), w)), sorted(enumerate(words), key=operator.itemgetter(1))[:2])
    recs = [{"n": "x", "a": 3}, {"n": "y", "a": 1}, {"n": "z", "a": 3}]
    print([r["n"] for r in sorted(recs, key=lambda r: r["a"])])
    vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
    print(sorted(vs), max(vs), Version("1.0") >= Version("0.9"), Version("1.0") <= Version("0.9"))
    print(sorted([5, 2, 8], key=functools.cmp_to_key(lambda a, b: b - a)))
    lst = [Bomb(i) for i in (5, 1, 3, 2)]
    try:
        lst.sort()
    except ArithmeticError as e:
        print("ArithmeticError:", e, [b.v for b in lst])
    data = list(range(30))
    data.sort(key=lambda x: (x % 3, -x))
    print(data)
    try:
        sorted([1, "a"])
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
