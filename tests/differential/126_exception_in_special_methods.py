"""Exceptions raised inside __init__, __eq__ during `in`/index/dict lookup, __hash__, __iter__, __repr__ in f-strings, __format__."""


class BadEq:
    def __eq__(self, o):
        raise ArithmeticError("eq failed")

    __hash__ = object.__hash__


class BadHash:
    def __hash__(self):
        raise LookupError("hash failed")


class BadInit:
    def __init__(self, x):
        if x < 0:
            raise ValueError("negative %d" % x)
        self.x = x


class BadRepr:
    def __repr__(self):
        raise RuntimeError("repr failed")


class Unhashable:
    __hash__ = None


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    attempt("in list", lambda: BadEq() in [1, 2])
    attempt("identity shortcut", lambda: (lambda b: b in [b])(BadEq()))
    attempt("list.index", lambda: [1, 2].index(BadEq()))
    attempt("dict lookup", lambda: {BadHash(): 1})
    attempt("set add", lambda: {1}.add(BadHash()))
    attempt("unhashable", lambda: {Unhashable(): 1})
    attempt("BadInit", lambda: [BadInit(i).x for i in (2, 1, 0, -1)])
    attempt("f-string repr", lambda: f"{BadRepr()!r}")
    attempt("str of list", lambda: str([BadRepr()]))
    attempt("format", lambda: format(BadRepr(), "x"))
    attempt("dict eq collision", lambda: {1: 1}.get(type("K", (), {"__hash__": lambda s: 1, "__eq__": BadEq.__eq__})()))
