"""match class patterns (MATCH_CLASS): __match_args__ positional patterns, keyword patterns, builtins, dataclasses, errors."""
import dataclasses


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


@dataclasses.dataclass
class Circle:
    center: Point
    radius: float


class NoArgs:
    def __init__(self):
        self.a = 1


def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %s" % y
        case Point(x, 0):
            return "on x axis at %s" % x
        case Circle(Point(x, y), r) if r > 10:
            return "big circle at %s,%s" % (x, y)
        case Circle(center=Point(), radius=r):
            return "circle radius %s" % r
        case NoArgs(a=1):
            return "noargs with a=1"
        case int(v) | float(v):
            return "number %s" % v
        case str() | bytes():
            return "text"
        case _:
            return "unknown"


def too_many(obj):
    match obj:
        case NoArgs(1):
            return "matched"
    return "no"


def bad_match_args(make_instance):
    class Bad:
        __match_args__ = ("a", "a")
        a = 1

    obj = Bad() if make_instance else make_instance
    match obj:
        case Bad(1, 2):
            return "?"
    return "no"


for o in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(1, 2), 11), Circle(Point(0, 0), 2),
          NoArgs(), 4, 2.5, "s", b"b", None]:
    print(where(o))
for fn, arg in [(too_many, NoArgs()), (too_many, 5), (bad_match_args, True), (bad_match_args, False)]:
    try:
        print(fn(arg))
    except TypeError as e:
        print("TypeError:", e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print("TypeError:", e)
