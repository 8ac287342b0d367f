"""Keyword calls (KW_NAMES) at one call site whose callee changes kind mid-loop: function, bound method, class, builtin, partial."""
import functools


def fn(a, b=0, *, c=0):
    return ("fn", a, b, c)


class Cls:
    def __init__(self, a, b=0, *, c=0):
        self.t = ("Cls", a, b, c)

    def meth(self, a, b=0, *, c=0):
        return ("meth", a, b, c)

    def __repr__(self):
        return repr(self.t)


def builtin_like(a, b=0, *, c=0):
    return dict(a=a, b=b, c=c)


def main():
    callees = [fn, Cls(0).meth, Cls, builtin_like, functools.partial(fn, c=9), lambda a, b=0, *, c=0: ("lambda", a, b, c)]
    out = []
    for i in range(len(callees) * 2):
        f = callees[i % len(callees)]
        out.append(f(i, b=i + 1, c=i + 2))
        out.append(f(i, c=-1))
    for o in out:
        print(o)
    for f in callees:
        try:
            f(1, d=2)
        except TypeError as e:
            print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
