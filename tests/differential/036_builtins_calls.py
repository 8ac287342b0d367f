"""Builtin function and C method calls with many shapes: len/isinstance/getattr defaults/divmod/round/sorted/hasattr."""


class A:
    x = 1


def main():
    out = []
    for i in range(30):
        out.append((len(str(i)), isinstance(i, int), isinstance(i, (str, float)), divmod(i, 7),
                    round(i / 7, 2), abs(-i), hash(i), bool(i % 3), chr(65 + i % 26), ord("a") + i))
    print(out[0], out[29])
    print(getattr(A, "x"), getattr(A, "y", "dflt"), hasattr(A, "x"), hasattr(A, "y"), callable(A))
    print(sorted("hello"), sorted([(2, "b"), (1, "z"), (2, "a")]), list(range(3, 9, 2)), bin(10), oct(8))
    print(int("101", 2), float("1.5"), str(1.0), repr("q"), ascii("é"), format(255, "x"), format(3.14159, ".2f"))
    print(pow(2, 10), pow(2, 10, 1000), min(3, 1), max("a", "b"), sum([1, 2], 10), all([]), any([]))
    print(list(map(int, "123")), tuple("ab"), set([1, 1, 2]), frozenset([3]), dict([(1, 2)]), bytes(3))
    print(type(1), type("a").__name__, issubclass(bool, int), id(A) == id(A), vars(A)["x"])
    try:
        getattr(A, "y")
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        int("x1")
    except ValueError as e:
        print("ValueError:", e)
    try:
        isinstance(1, 2)
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
