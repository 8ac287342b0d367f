"""Attribute caches for class attributes whose values are instances of user classes (`Point.ZERO`), bound methods made by LOAD_ATTR (Python functions, builtin method descriptors, class methods through instances), and objects of one class whose dicts are materialised while others keep inline values — each changed while hot: the value's class gains `__get__` or `__set__`, the value's `__class__` is reassigned, a method is shadowed by an instance attribute, `__dict__` is touched."""

import random


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


Point.ZERO = Point(0, 0)


class Shape:
    ORIGIN = Point(1, 2)

    def __init__(self, k):
        self.k = k

    def area(self, f):
        return self.k * f

    @classmethod
    def make(cls, k):
        return (cls.__name__, k)

    @staticmethod
    def twice(x):
        return 2 * x


def class_values(n):
    out = []
    for i in range(n):
        s = Shape(i)
        out.append((Point.ZERO, Shape.ORIGIN, s.ORIGIN, s.ORIGIN.norm1(), Point.ZERO.x))
    return out


def bound_methods(objs, n):
    out = []
    for i in range(n):
        for o in objs:
            f = o.area
            g = o.make
            h = o.twice
            out.append((f(i), g(i), h(i), f.__self__ is o))
    return out


def builtin_bound(n):
    r = random.Random(5)
    out = []
    for _ in range(n):
        bits = r.getrandbits
        out.append(bits(8))
        app = out.append
        app(len(out))
    return out


class Getter:
    def __get__(self, obj, owner):
        return ("got", owner.__name__)

    def __repr__(self):
        return "Getter()"


class Setter:
    def __get__(self, obj, owner):
        return ("data", obj is None)

    def __set__(self, obj, value):
        obj.__dict__["stored"] = value

    def __repr__(self):
        return "Setter()"


def changes():
    out = []
    for i in range(16):
        s = Shape(i)
        out.append((Point.ZERO, Shape.ORIGIN, s.ORIGIN, s.area(1)))
        if i == 3:
            Point.__get__ = lambda self, obj, owner: ("point got", owner.__name__)
        if i == 5:
            del Point.__get__
        if i == 7:
            Shape.ORIGIN.__class__ = Getter
        if i == 9:
            Shape.ORIGIN = Point(3, 4)
            Point.__set__ = lambda self, obj, value: None
        if i == 11:
            del Point.__set__
        if i == 12:
            s.area = lambda f: "shadowed"
            out.append(s.area(2))
        if i == 13:
            Shape.area = lambda self, f: ("replaced", f)
    return out


class Cell:
    def __init__(self, i):
        self.i = i
        self.color = 0


def mixed_representations(n):
    cells = [Cell(i) for i in range(12)]
    for c in cells[::3]:
        c.__dict__  # materialise
    for c in cells[1::4]:
        vars(c)["extra"] = c.i
    out = []
    for k in range(n):
        for c in cells:
            c.color = k + c.i
            c.used = k % 2 == 0
            out.append((c.color, c.used, c.i))
        if k == n // 2:
            for c in cells[2::5]:
                c.__dict__["color"] = "via dict"
                out.append(c.color)
    return out


def descriptor_switch():
    out = []
    s = Shape(1)
    for i in range(10):
        out.append(s.ORIGIN)
        if i == 4:
            Shape.ORIGIN = Setter()
        if i == 6:
            s.ORIGIN = "assigned"
            out.append(s.__dict__.get("stored"))
    return out


print(class_values(20)[-3:])
print(bound_methods([Shape(2), Shape(3)], 15)[-4:])
print(builtin_bound(30)[-6:])
print(changes())
print(mixed_representations(8)[-15:])
print(descriptor_switch())
