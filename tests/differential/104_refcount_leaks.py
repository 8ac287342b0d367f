"""Reference counting: loops of common operations leave the refcounts of their operands unchanged (no leaks or extra frees)."""
import gc
import sys
import weakref


class Obj:
    def __init__(self):
        self.attr = [1, 2]

    def meth(self, x):
        return x


def workload(o, lst, d, s):
    for i in range(200):
        a = o.attr
        b = o.meth(s)
        c = lst[0]
        d[s] = o
        e = (o, s, lst)
        f = [o, s]
        g = {s: o}
        h = o if i % 2 else s
        try:
            raise ValueError(o)
        except ValueError as exc:
            k = exc.args[0]
        for item in lst:
            m = item
        n = f"{s}{i}"
        del a, b, c, e, f, g, h, k, m, n


def main():
    o = Obj()
    lst = [o, "x"]
    d = {}
    s = "key"
    workload(o, lst, d, s)
    gc.collect()
    before = [sys.getrefcount(x) for x in (o, lst, d, s)]
    for _ in range(5):
        workload(o, lst, d, s)
    gc.collect()
    after = [sys.getrefcount(x) for x in (o, lst, d, s)]
    print("refcount deltas", [a - b for a, b in zip(after, before)])
    r = weakref.ref(o)
    del o, lst, d
    gc.collect()
    print("object freed", r() is None)

    def make():
        x = Obj()
        return weakref.ref(x)

    refs = [make() for _ in range(10)]
    print("temporaries freed", [w() is None for w in refs].count(True))


main()
main()  # again: the second run goes through code compiled during the first
