"""Classes mutated while compiled code uses them: methods replaced, attributes added/removed, __class__ assignment, bases changed."""


class A:
    kind = "A"

    def f(self):
        return "A.f"


class B:
    kind = "B"

    def f(self):
        return "B.f"


def mutate(i, obj):
    if i == 2:
        A.f = lambda self: "patched A.f"
    if i == 4:
        obj.f = lambda: "instance f"
    if i == 5:
        del obj.f
    if i == 6:
        obj.__class__ = B
    if i == 7:
        del B.f
    if i == 8:
        B.f = A.f


def run():
    obj = A()
    out = []
    for i in range(10):
        mutate(i, obj)
        try:
            out.append((obj.f(), obj.kind))
        except AttributeError as e:
            out.append("AttributeError: %s" % e)
    return out


class Base1:
    def hello(self):
        return "Base1"


class Base2:
    def hello(self):
        return "Base2"


class Derived(Base1):
    pass


def bases():
    d = Derived()
    out = []
    for i in range(4):
        if i == 2:
            Derived.__bases__ = (Base2,)
        out.append(d.hello())
    return out


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for line in run():
        print(line)
    print(bases())
