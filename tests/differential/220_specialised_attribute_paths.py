"""Attribute and method accesses compiled after the interpreter specialised them (functions called hundreds of times first): instance values, slots, methods with and without instance dicts, then each invalidated while hot — the class modified, a method shadowed by an instance attribute, `__class__` assigned, a slot deleted, the instance dict materialised, a first value stored into an attribute the object did not have."""


class P:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def get(self):
        return self.x + self.y


class S:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a
        self.b = -a

    def total(self):
        return self.a - self.b


class Q:
    def __init__(self, x):
        self.x = x
        self.y = 0

    def get(self):
        return ("Q", self.x)


def read_p(objs):
    total = 0
    for o in objs:
        total += o.x + o.get()
    return total


def write_p(objs, v):
    for o in objs:
        o.x = v
        o.y = v + 1


def read_s(objs):
    out = 0
    for o in objs:
        out += o.a + o.total()
    return out


def write_s(objs, v):
    for o in objs:
        o.b = v


def attempt(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def main():
    ps = [P(i) for i in range(5)]
    ss = [S(i) for i in range(5)]
    for _ in range(300):
        read_p(ps)
        write_p(ps, 3)
        read_s(ss)
        write_s(ss, 2)
    print(read_p(ps), read_s(ss))
    # A method shadowed by an instance attribute on one object.
    ps[1].get = lambda: 1000
    print(read_p(ps))
    del ps[1].get
    # The class modified: a method replaced, an attribute turned property.
    P.get = lambda self: -self.x
    print(read_p(ps))
    P.x = property(lambda self: 7)
    print(attempt(read_p, ps), attempt(write_p, ps, 5))
    del P.x
    # __class__ assigned to a compatible class.
    ps[2].__class__ = Q
    print(attempt(read_p, ps))
    ps[2].__class__ = P
    # The instance dict materialised, then values read and written.
    ps[3].__dict__["x"] = 50
    print(read_p(ps), vars(ps[3]))
    write_p(ps, 9)
    print(read_p(ps))
    # A first value for an attribute the object never had.
    fresh = P.__new__(P)
    fresh.y = 1
    write_p([fresh], 4)
    print(vars(fresh))
    # A slot deleted, then read and written.
    del ss[0].b
    print(attempt(read_s, ss))
    write_s(ss, 4)
    print(read_s(ss))
    S.total = lambda self: 100
    print(read_s(ss))


main()
main()
