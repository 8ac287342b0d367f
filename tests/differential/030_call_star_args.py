"""CALL_FUNCTION_EX: *args and **kwargs unpacking from lists, tuples, generators, dicts, mappings; DICT_MERGE duplicates."""


def show(*args, **kwargs):
    return args, sorted(kwargs.items())


def fixed(a, b, c=0, *, d=0):
    return a + b + c + d


class Mapping:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k.upper()


def main():
    lst = [1, 2]
    tup = (3,)
    d1 = {"k": 1}
    d2 = {"j": 2}
    print(show(*lst), show(*lst, *tup), show(0, *lst, 9, *tup), show(*(i for i in range(3))))
    print(show(**d1), show(**d1, **d2), show(a=1, **d1), show(*lst, **d1, z=3), show(**Mapping()))
    print(fixed(*lst), fixed(*lst, **{"d": 10}), fixed(*[1, 2, 3]), fixed(1, *[2], **{"c": 3}))
    total = 0
    args = (1, 2, 3)
    kw = {"d": 4}
    for _ in range(100):
        total += fixed(*args, **kw)
    print(total)
    try:
        show(**d1, **{"k": 2})
    except TypeError as e:
        print("TypeError:", e)
    try:
        show(*None)
    except TypeError as e:
        print("TypeError:", e)
    try:
        fixed(*[1, 2, 3, 4])
    except TypeError as e:
        print("TypeError:", e)
    print(max(*[4, 9, 2]), "{a}-{b}".format(**{"a": 1, "b": 2}), print(*["x", "y"], sep="+"))


main()
main()  # again: the second run goes through code compiled during the first
