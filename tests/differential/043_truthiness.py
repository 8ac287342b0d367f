"""Truth tests of every kind of object in if/while/and/or: __bool__, __len__, __bool__ raising, __bool__ returning a non-bool."""


class T:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Raises:
    def __bool__(self):
        raise RuntimeError("no truth for you")


class BadLen:
    def __len__(self):
        return -1


class Plain:
    pass


def test(x):
    try:
        if x:
            return "true"
        return "false"
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def main():
    objs = [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), {}, {0: 0}, set(), None, True, False,
            T(True), T(False), L(0), L(3), Raises(), BadLen(), Plain(), T(1), range(0), 0j, b""]
    for o in objs:
        print(type(o).__name__, test(o))
    n = 0
    x = L(5)
    while x.n:
        x.n -= 1
        n += 1
    print(n)
    try:
        print(not Raises())
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        print(Raises() and 1)
    except RuntimeError as e:
        print("RuntimeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
