"""Warm call sites of C functions (including the int(x) conversion) and method descriptors whose callable changes under them: builtins rebound to other builtins and to Python functions, descriptors called with the wrong self type, list subclasses, classes, errors raised inside the callee, and results kept or discarded."""
import math
import operator


class MyList(list):
    def append(self, x):
        super().append(("mine", x))


class Intish:
    def __index__(self):
        return 41


class BadStr:
    def __str__(self):
        raise ValueError("no str for you")


def site(f, args):
    # One call site, many callables.
    return f(*args) if len(args) != 1 else f(args[0])


def one_arg(f, x):
    return f(x)


def two_args(f, x, y):
    return f(x, y)


def appends(lst, n):
    for i in range(n):
        lst.append(i)
    return lst[-3:]


def method_site(obj, x):
    return obj.count(x)


def main():
    out = []
    for f in [len, abs, str, type, tuple, repr, math.sqrt, math.floor, lambda x: ("py", x), len]:
        for _ in range(12):
            try:
                r = one_arg(f, [1, 2, 3] if f in (len, tuple, repr, str, type) else 4)
            except TypeError as e:
                r = "TypeError: %s" % e
        out.append(r)
    print(out)
    out = []
    for f in [isinstance, max, min, divmod, pow, operator.add, getattr, isinstance]:
        for _ in range(12):
            try:
                r = two_args(f, 7, int) if f in (isinstance,) else two_args(f, 7, 3)
            except TypeError as e:
                r = "TypeError: %s" % e
        out.append(r)
    print(out)
    print(appends([], 30), appends(MyList(), 30), appends([], 5))
    counts = []
    for obj in [[1, 1, 2], (1, 1, 1), "a1b1", [1], b"\x01\x01"]:
        for _ in range(12):
            counts.append(method_site(obj, 1 if not isinstance(obj, str) else "1"))
    print(counts[::12])
    errors = []
    for x in [1, BadStr(), 2]:
        for _ in range(10):
            try:
                errors.append(one_arg(str, x))
            except ValueError as e:
                errors.append("ValueError: %s" % e)
    print(errors[::10])
    ints = []
    for x in ["12", " 7 ", "1_000", 3.9, -2.5, True, b"42", bytearray(b"5"), "x1", Intish(), 10**30, None, [], "٣"]:
        for _ in range(3):
            try:
                ints.append(one_arg(int, x))
            except (TypeError, ValueError) as e:
                ints.append("%s: %s" % (type(e).__name__, e))
    print(ints[::3])
    try:
        for i in range(20):
            one_arg(math.sqrt, 4 - i)
    except ValueError as e:
        print("ValueError:", e, i)
    # A descriptor called with another type's self.
    for _ in range(12):
        try:
            r = two_args(list.append, [], 1)
            r = two_args(list.append, (), 1)
        except TypeError as e:
            r = "TypeError: %s" % e
    print(r)
    print(site(sorted, [[3, 1, 2]]), site(sum, [[1, 2]]), site(divmod, [9, 4]))


main()
main()
