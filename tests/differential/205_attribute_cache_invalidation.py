"""Attribute and method loads and stores in hot loops while classes change under them: methods replaced, __class__ assigned, class attributes shadowed by instance attributes, descriptors added, __dict__ materialised, __getattr__ added, slots, modules rebound."""
import math
import types


class Point:
    SCALE = 10

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


class Other:
    SCALE = 100

    def __init__(self, x, y):
        self.x = -x
        self.y = -y

    def norm(self):
        return -1


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


def read_all(objs):
    out = []
    for o in objs:
        out.append((o.x, o.y, o.SCALE, o.norm()))
    return out


def store_loop(p, n):
    for i in range(n):
        p.x = i
        p.y = p.x + 1
    return p.x, p.y


def changing_class():
    p = Point(1, 2)
    out = []
    for i in range(12):
        out.append((p.x, p.SCALE, p.norm()))
        if i == 2:
            Point.norm = lambda self: "replaced"
        if i == 4:
            p.SCALE = "instance shadows"
        if i == 6:
            p.__class__ = Other
        if i == 8:
            Other.SCALE = property(lambda self: "property")
        if i == 10:
            p.__dict__  # materialise the dict
            p.extra = 5
    return out


def getattr_added():
    p = Point(1, 2)
    out = []
    for i in range(6):
        try:
            out.append(p.missing)
        except AttributeError as e:
            out.append(str(e))
        if i == 2:
            Point.__getattr__ = lambda self, name: "via __getattr__ " + name
    del Point.__getattr__
    return out


class Desc:
    pass


def descriptor_gains_get():
    class Holder:
        value = Desc()

    h = Holder()
    out = []
    for i in range(5):
        out.append(type(h.value).__name__)
        if i == 1:
            Desc.__get__ = lambda self, obj, tp: "from __get__"
    del Desc.__get__
    return out


def slots():
    s = Slotted()
    out = []
    for i in range(5):
        try:
            out.append((s.a, s.b))
        except AttributeError as e:
            out.append(str(e))
        if i == 1:
            s.b = 2
        if i == 3:
            del s.a
    return out


def modules():
    out = []
    mod = types.ModuleType("m")
    mod.f = lambda: 1
    for i in range(6):
        out.append((math.floor(2.5), mod.f()))
        if i == 2:
            mod.f = lambda: 2
        if i == 4:
            math.floor, saved = (lambda x: "patched"), math.floor
    math.floor = saved
    return out


def polymorphic():
    objs = [Point(1, 2), Other(1, 2), Point(3, 4), types.SimpleNamespace(x=7, y=8, SCALE=0, norm=lambda: 0)] * 20
    return read_all(objs)[:5]


def deleted_attr():
    p = Point(1, 2)
    out = []
    for i in range(5):
        try:
            out.append(p.x)
        except AttributeError as e:
            out.append(str(e))
        if i == 1:
            del p.x
        if i == 3:
            p.x = "back"
    return out


def main():
    print(read_all([Point(1, 2), Point(3, 4)] * 3)[:2])
    print(store_loop(Point(0, 0), 1000))
    print(changing_class())
    print(getattr_added())
    print(descriptor_gains_get())
    print(slots())
    print(modules())
    print(polymorphic())
    print(deleted_attr())


main()
Point.norm = lambda self: self.x * self.x + self.y * self.y
del Other.SCALE
Other.SCALE = 100
main()
