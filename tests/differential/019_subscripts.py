"""BINARY_SUBSCR/STORE_SUBSCR/DELETE_SUBSCR on lists, tuples, dicts, strings, user __getitem__; error messages."""


class Grid:
    def __init__(self):
        self.d = {}

    def __getitem__(self, key):
        return self.d.get(key, 0)

    def __setitem__(self, key, value):
        self.d[key] = value

    def __delitem__(self, key):
        del self.d[key]


def main():
    lst = [0] * 10
    for i in range(100):
        lst[i % 10] += i
    print(lst, lst[-1], lst[3])
    d = {}
    for i in range(20):
        d[i % 7] = d.get(i % 7, 0) + i
    print(d, d[3])
    g = Grid()
    g[1, 2] = "a"
    g[(3, 4)] = "b"
    print(g[1, 2], g[0, 0], g[3, 4])
    del g[1, 2]
    print(g.d)
    t = (1, 2, 3)
    print(t[0], t[-1], "abc"[1], b"abc"[1], range(10)[3], memoryview(b"xy")[0])
    five, none, key, fkey = 5, None, [1], 1.5
    errors = [
        lambda: lst[10], lambda: lst["a"], lambda: d[99], lambda: t[5], lambda: five[0],
        lambda: {}[key], lambda: "abc"[fkey], lambda: none[0],
    ]
    for f in errors:
        try:
            f()
        except (IndexError, KeyError, TypeError) as e:
            print(type(e).__name__ + ":", e)
    try:
        t[0] = 1
    except TypeError as e:
        print("TypeError:", e)
    nested = [[i * j for j in range(4)] for i in range(4)]
    nested[2][3] = -1
    print(nested[2], nested[3][3])


main()
main()  # again: the second run goes through code compiled during the first
