"""Line of the calling frame as seen from special methods run implicitly by instructions (BINARY_OP, COMPARE_OP, LOAD_ATTR, STORE_SUBSCR, FOR_ITER, truth tests, STORE_FAST dropping the last reference, ...)."""
import sys

seen = []


def note(tag):
    f = sys._getframe(2)
    seen.append((tag, f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno))


class Probe:
    def __init__(self, v=0):
        self.v = v

    def __add__(self, o):
        note("add")
        return Probe(self.v + 1)

    def __iadd__(self, o):
        note("iadd")
        return self

    def __lt__(self, o):
        note("lt")
        return True

    def __eq__(self, o):
        note("eq")
        return False

    __hash__ = object.__hash__

    def __neg__(self):
        note("neg")
        return self

    def __getattr__(self, name):
        note("getattr")
        return 1

    def __getitem__(self, k):
        note("getitem")
        return k

    def __setitem__(self, k, v):
        note("setitem")

    def __delitem__(self, k):
        note("delitem")

    def __bool__(self):
        note("bool")
        return True

    def __iter__(self):
        note("iter")
        return self

    def __next__(self):
        note("next")
        raise StopIteration

    def __contains__(self, x):
        note("contains")
        return False

    def __enter__(self):
        note("enter")
        return self

    def __exit__(self, *a):
        note("exit")

    def __index__(self):
        note("index")
        return 0

    def __format__(self, spec):
        note("format")
        return "P"


class Dying:
    def __del__(self):
        note("del")


def body(p):
    a = p + 1
    p += 2
    b = p < 3
    c = p == 4
    d = -p
    e = p.missing
    f = p[5]
    p[6] = 7
    del p[8]
    if p:
        pass
    for _ in p:
        pass
    g = 9 in p
    with p:
        pass
    h = [10, 11][p]
    i = f"{p}"
    x = Dying()
    x = None
    y = Dying()
    del y
    return a, b, c, d, e, f, g, h, i, x


def main():
    for _ in range(2):
        seen.clear()
        body(Probe())
        for s in seen:
            print(s)


main()
main()  # again: the second run goes through code compiled during the first
