"""Instantiating classes whose `__init__` is written in Python, at warm call sites: plain, inherited and slotted classes, `__init__` raising or returning a value, replaced on the class while hot, classes with `__new__`, metaclasses with `__call__`, abstract classes, keyword arguments, instances' attribute dicts afterwards, reference counts, and instantiation at the recursion limit."""

import abc
import sys


class P:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


class Q(P):
    pass


class S:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class Returns:
    def __init__(self, v):
        self.v = v
        return v


class Raises:
    def __init__(self, k):
        if k % 3 == 2:
            raise ValueError("k=%d" % k)
        self.k = k


class WithNew:
    def __new__(cls, v):
        obj = super().__new__(cls)
        obj.made = True
        return obj

    def __init__(self, v):
        self.v = v


class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass

    def __init__(self):
        self.ok = True


def make_all(n):
    out = []
    for i in range(n):
        p = P(i)
        q = Q(i, y=i + 1)
        s = S(i)
        out.append((p.x, p.y, q.x, q.y, s.a, type(q).__name__, sorted(vars(p))))
    return out[:2] + out[-1:]


def attempts(cls, n):
    out = []
    for i in range(n):
        try:
            obj = cls(i)
            out.append(type(obj).__name__ if not isinstance(obj, tuple) else obj)
        except Exception as e:
            out.append("%s: %s" % (type(e).__name__, e))
    return out


def replace_init(n):
    out = []
    for i in range(n):
        if i == 5:
            P.__init__ = lambda self, x, y=0: setattr(self, "x", -x)
        out.append(P(i).x)
    return out


def deep(n):
    P(n)
    return deep(n + 1)


def main():
    print(make_all(200))
    print(attempts(Returns, 4), attempts(Raises, 6), attempts(WithNew, 2), attempts(M, 2), attempts(Abstract, 1))
    original = P.__init__
    print(replace_init(10))
    P.__init__ = original
    a = object()
    before = sys.getrefcount(a)
    for _ in range(50):
        P(a, a)
    print("counts", before == sys.getrefcount(a))
    try:
        deep(0)
    except RecursionError as e:
        print("RecursionError:", e)


main()
main()
