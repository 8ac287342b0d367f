"""Zero-argument super() in methods, classmethods, __init__, properties, deep hierarchies and diamond MRO."""


class A:
    def __init__(self):
        self.trail = ["A"]

    def who(self):
        return "A"

    @classmethod
    def kind(cls):
        return "A-kind of " + cls.__name__

    @property
    def prop(self):
        return "A.prop"


class B(A):
    def __init__(self):
        super().__init__()
        self.trail.append("B")

    def who(self):
        return "B>" + super().who()

    @classmethod
    def kind(cls):
        return "B/" + super().kind()

    @property
    def prop(self):
        return "B(" + super().prop + ")"


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def __init__(self):
        super().__init__()
        self.trail.append("D")

    def who(self):
        return "D>" + super().who()

    def broken(self):
        def inner():
            return super().who()  # noqa: no __class__ cell in nested function
        return inner()


def main():
    d = D()
    print(d.trail, d.who(), D.kind(), d.prop, [k.__name__ for k in D.__mro__])
    s = 0
    for i in range(100):
        s += len(d.who())
    print(s)
    try:
        d.broken()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(super(B, d).who(), super(C, d).who())
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
