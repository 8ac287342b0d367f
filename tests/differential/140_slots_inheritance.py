"""__slots__ with inheritance, __dict__ and __weakref__ slots, slot descriptors in hot loops, missing-slot errors."""
import weakref


class Base:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class Child(Base):
    __slots__ = ("y",)

    def __init__(self, x, y):
        super().__init__(x)
        self.y = y


class WithDict(Base):
    pass


class WithWeak:
    __slots__ = ("v", "__weakref__")


def main():
    objs = [Child(i, i * 2) for i in range(100)]
    total = 0
    for o in objs:
        o.x += 1
        total += o.x + o.y
    print(total, hasattr(objs[0], "__dict__"), Child.__slots__, type(Base.__dict__["x"]).__name__)
    try:
        objs[0].z = 1
    except AttributeError as e:
        print("AttributeError:", e)
    w = WithDict(1)
    w.z = 5
    print(w.__dict__, w.x)
    ww = WithWeak()
    r = weakref.ref(ww)
    print(r() is ww)
    try:
        weakref.ref(objs[0])
    except TypeError as e:
        print("TypeError:", e)
    c = Child(1, 2)
    del c.y
    try:
        c.y
    except AttributeError as e:
        print("AttributeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
