"""LOAD_ATTR/STORE_ATTR/DELETE_ATTR on instances, classes, slots, modules; AttributeError messages."""
import math


class P:
    cls_attr = "C"

    def __init__(self, x):
        self.x = x


class S:
    __slots__ = ("a", "b")


def walk(objs):
    total = 0
    for o in objs:
        o.x = o.x + 1
        total += o.x
    return total


def main():
    ps = [P(i) for i in range(10)]
    for _ in range(5):
        walk(ps)
    print(walk(ps), ps[3].x, ps[3].cls_attr, P.cls_attr)
    ps[0].cls_attr = "inst"
    print(ps[0].cls_attr, ps[1].cls_attr)
    P.cls_attr = "changed"
    print(ps[0].cls_attr, ps[1].cls_attr)
    s = S()
    s.a = 1
    print(s.a)
    for name in ("b", "c"):
        try:
            print(getattr(s, name))
        except AttributeError as e:
            print("AttributeError:", e)
    try:
        s.c = 3
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(ps[0].nope)
    except AttributeError as e:
        print("AttributeError:", e, e.name)
    try:
        print(math.nope)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        (1).real = 5
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(None.foo)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        del ps[0].missing
    except AttributeError as e:
        print("AttributeError:", e)
    print(math.pi, P.__name__, P.__init__.__name__, ps[1].__class__.__name__)
    # Change an instance's class under a hot attribute load
    class Q:
        x = "class-level"
    o = P(1)
    vals = []
    for i in range(6):
        if i == 3:
            o.__class__ = Q
            del o.x
        vals.append(o.x)
    print(vals)


main()
main()  # again: the second run goes through code compiled during the first
