"""Builtins consuming iterables: zip, enumerate, map, filter, reversed, sorted, min/max/sum/any/all with user iterators."""


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return i * 2


def main():
    s = Seq(5)
    print(list(zip(s, "abcde", range(10))), list(enumerate(s, 1)))
    print(list(map(lambda a, b: a * b, s, s)), list(filter(None, [0, 1, "", "x", None, [0]])))
    print(list(reversed(s)), sorted(s, reverse=True), min(s), max(s), sum(s), any(s), all(s))
    print(list(zip(*[(1, 2), (3, 4), (5, 6)])), dict(zip("abc", range(3))))
    print(list(map(str.upper, ["a", "b"])), list(filter(lambda x: x > 4, s)))
    try:
        list(zip([1, 2], [1], strict=True))
    except ValueError as e:
        print("ValueError:", e)
    try:
        min([])
    except ValueError as e:
        print("ValueError:", e)
    print(min([], default="empty"), max(3, 1, 2), min("bca"), max([(1, "b"), (1, "a")]))
    it = iter(range(5))
    print(next(it), list(it), list(it))


main()
main()  # again: the second run goes through code compiled during the first
