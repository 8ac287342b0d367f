"""Locals and constants used in place as operands (no push until needed): swaps and stores to a local still read below, constants of every kind on either side of arithmetic, comparisons and subscripts, operands that change type mid-loop and fall to the generic path with a constant beside them, errors and handlers with such operands on the stack, unbound locals, and reference counts left exactly as the interpreter leaves them."""

import sys
import traceback


def swaps(n):
    a, b, c = 1, "two", 3.0
    out = []
    for _ in range(n):
        a, b = b, a
        a, b, c = c, a, b
        x = a
        a = 7
        out.append((a, b, c, x))
    return out


def with_constants(values):
    out = []
    for x in values:
        row = []
        for f in (
            lambda x: x + 1,
            lambda x: 1 + x,
            lambda x: x - 3,
            lambda x: 3 - x,
            lambda x: x * 1000,
            lambda x: x * -7,
            lambda x: x // 4,
            lambda x: x // -4,
            lambda x: x % 5,
            lambda x: x % -5,
            lambda x: x / 8,
            lambda x: x & 6,
            lambda x: x | 9,
            lambda x: x ^ 12,
            lambda x: x + 0.5,
            lambda x: 0.5 * x,
            lambda x: x / 0.25,
            lambda x: x + (2**40),
            lambda x: x * (2**31) if not isinstance(x, str) else x * 2,
            lambda x: x < 2,
            lambda x: x <= 2.5,
            lambda x: x == 3,
            lambda x: 3 != x,
            lambda x: x > -1,
            lambda x: x >= (2**70),
        ):
            try:
                row.append(f(x))
            except Exception as e:
                row.append(type(e).__name__)
        out.append(row)
    return out


def changing_types(n):
    x = 1
    total = []
    for i in range(n):
        try:
            total.append(x + 1)
            total.append(x * 3 > 5)
        except TypeError as e:
            total.append(str(e))
        if i == 3:
            x = 2**62
        elif i == 6:
            x = 1.5
        elif i == 9:
            x = "s"
        elif i == 12:
            x = [1]
        elif i == 15:
            x = 10
    return total


def indexing(n):
    xs = [10, 20, 30]
    t = ("a", "b")
    d = {0: "zero", -1: "minus", "k": "v"}
    s = "xyz"
    out = []
    for i in range(n):
        out.append((xs[0], xs[2], xs[-1], t[1], t[-2], d[0], d[-1], d["k"], s[1]))
        try:
            out.append(xs[3])
        except IndexError as e:
            out.append(str(e))
        if i == 2:
            xs = (7, 8, 9)
        if i == 4:
            xs = {0: "d0", 2: "d2", -1: "d-1", 3: "d3"}
    return out


def identity(n):
    out = []
    x = None
    for i in range(n):
        out.append((x is None, x is not None, None is x, x is x))
        x = i if i % 2 else None
    return out


def errors_with_operands_on_stack(n):
    out = []
    for i in range(n):
        x = i if i % 3 else "s"
        try:
            out.append([i, x + 1, x * 2])
        except TypeError:
            out.append(traceback.format_exc().splitlines()[-1])
        try:
            out.append(x < 2)
        except TypeError as e:
            out.append(str(e))
    return out


def unbound(n):
    out = []
    for i in range(n):
        if i % 2:
            y = i
        try:
            out.append(y + 1)
        except UnboundLocalError as e:
            out.append(str(e))
        if i % 2:
            del y
    return out


class Tracked:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Tracked(self.v + (other.v if isinstance(other, Tracked) else other))

    def __lt__(self, other):
        return self.v < (other.v if isinstance(other, Tracked) else other)


def refcounts(n):
    obj = Tracked(1)
    big = 2**100
    flt = 1.25
    before = (sys.getrefcount(obj), sys.getrefcount(big), sys.getrefcount(flt))
    acc = 0
    for i in range(n):
        r = obj + 1
        s = obj + obj
        t = obj < 5
        u = big + 1
        v = big < i
        w = flt * 2
        z = [obj, big][0]
        q = obj
        q = big
        obj
        acc += r.v + s.v + t + (u > big) + v + w + z.v
    del r, s, t, u, v, w, z, q
    after = (sys.getrefcount(obj), sys.getrefcount(big), sys.getrefcount(flt))
    return acc, before == after


class Slotted:
    __slots__ = ("a", "b")


class Raising:
    def __get__(self, obj, owner=None):
        if obj is not None and obj.k % 4 == 3:
            raise ValueError("no %d" % obj.k)
        return "got %s" % (None if obj is None else obj.k)


class Counting:
    def __get__(self, obj, owner=None):
        return None if obj is None else sys.getrefcount(obj)


class Holder:
    r = Raising()
    rc = Counting()

    def __init__(self, k):
        self.k = k

    def m(self, v):
        return (self.k, v)


def attributes(n):
    out = []
    value = Tracked(5)
    before = sys.getrefcount(value)
    for i in range(n):
        h = Holder(i)
        s = Slotted()
        s.a = value
        s.b = i
        h.v = value
        h.w = 3
        if i % 3 == 0:
            h.__dict__["z"] = 1  # materialised dict
        try:
            out.append(h.r)
        except ValueError as e:
            out.append(str(e))
        out.append((h.k, h.m(i), s.a is value, s.b, h.w, h.v is value, h.rc))
        o = h if i % 2 else s
        try:
            out.append(o.k)
        except AttributeError as e:
            out.append(str(e))
    del h, s, o
    return out, sys.getrefcount(value) == before


def returns(x):
    if x:
        return x
    return 5


print(swaps(5))
for row in with_constants([0, 1, -9, 7, 2**30 - 1, -(2**30) + 1, 2**30, 2**64, 3.5, -0.0, True, "s" * 3, None]):
    print(row)
print(changing_types(18))
print(indexing(6))
print(identity(5))
print(errors_with_operands_on_stack(6))
print(unbound(5))
print(refcounts(50))
print(refcounts(50))
print(attributes(8))
print(attributes(8))
print([returns(i) for i in range(4)], returns(0), returns("r"))
