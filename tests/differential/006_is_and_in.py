"""IS_OP and CONTAINS_OP: is / is not / in / not in on containers, strings and user __contains__."""


class Box:
    def __init__(self, items):
        self.items = items

    def __contains__(self, x):
        print("contains", x)
        return x in self.items


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10


def check(x, container):
    return x in container, x not in container


def main():
    print(check(3, [1, 2, 3]), check(4, (1, 2)), check("b", "abc"), check("z", "abc"))
    print(check(2, {1: "a", 2: "b"}), check(5, {5, 6}), check(5, range(0, 10, 5)))
    print(check(2, Box([1, 2])), check(20, Seq()), check(25, Seq()))
    a = [1]
    b = a
    c = [1]
    print(a is b, a is c, a is not c, None is None, a is not None)
    try:
        print(1 in 5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print([] in "abc")
    except TypeError as e:
        print("TypeError:", e)
    n = 0
    for i in range(100):
        if i in (3, 50, 99):
            n += 1
        if i not in range(10, 90):
            n += 10
    print(n)


main()
main()  # again: the second run goes through code compiled during the first
