"""match: literal patterns, capture, wildcard, value patterns (dotted names), or-patterns, guards, no match at all."""
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case Color.RED:
            return "red"
        case float() if x != x:
            return "nan"
        case int(n) if n < 0:
            return "negative %d" % n
        case str(s) if len(s) > 3:
            return "long string " + s
        case other if isinstance(other, float):
            return "float %s" % other
        case _:
            return "something else: %r" % (x,)


def no_default(x):
    match x:
        case 1:
            return "one"
    return "fell through"


for v in [0, 2, 3, "hello", None, True, Color.RED, Color.GREEN, float("nan"), -5, "abcdef", "ab", 2.5, (1,), 1.0]:
    print(repr(v), "->", classify(v))
print(no_default(1), no_default(2))
