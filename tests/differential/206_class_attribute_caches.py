"""Class-level attribute and method loads in hot loops: class constants, functions, static and class methods read through the class, `obj.__class__`, metaclasses, and all of them changed while hot (rebinding, re-initialised staticmethod/classmethod objects, attributes added to the metaclass)."""


class Strength:
    REQUIRED = 0
    WEAK = 5

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def stronger(cls, a, b):
        return (cls.__name__, a < b)

    def plain(self, x):
        return x * 2


class Sub(Strength):
    WEAK = 7


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    VALUE = "meta"


def reads(cls, n):
    out = []
    for i in range(n):
        out.append((cls.REQUIRED, cls.WEAK, cls.add(i, 1), cls.stronger(i, 2), cls.plain(cls, i)))
    return out


def through_class(objs):
    return [(o.__class__.WEAK, o.__class__.__name__, type(o).REQUIRED) for o in objs]


def changes():
    out = []
    sm = Strength.__dict__["add"]
    cm = Strength.__dict__["stronger"]
    for i in range(14):
        out.append((Strength.WEAK, Strength.add(i, i), Strength.stronger(1, i), Sub.stronger(i, 1), WithMeta.VALUE))
        if i == 2:
            Strength.WEAK = "rebound"
        if i == 4:
            sm.__init__(lambda a, b: a * b)   # same object, new callable
        if i == 6:
            cm.__init__(lambda cls, a, b: ("re-inited", cls.__name__))
        if i == 8:
            Meta.VALUE = property(lambda cls: "metaclass property")
        if i == 9:
            type(Strength).__init__  # type itself cannot change
        if i == 10:
            Strength.add = staticmethod(max)
        if i == 13:
            del Strength.WEAK
    return out


def errors():
    out = []
    for name in ("REQUIRED", "MISSING", "__name__", "__doc__", "mro"):
        try:
            v = getattr(Strength, name)
            out.append(name if callable(v) else v)
        except AttributeError as e:
            out.append(str(e))
    for i in range(3):
        try:
            out.append(Strength.NOPE)
        except AttributeError as e:
            out.append(str(e))
    return out


print(reads(Strength, 3), reads(Sub, 2))
print(through_class([Strength(), Sub(), Strength()]))
print(changes())
print(errors())
print(reads(Sub, 2))
