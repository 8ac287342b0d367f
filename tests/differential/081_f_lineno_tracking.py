"""f_lineno of a compiled frame observed by callees at many points (loops, multi-line calls, after exceptions)."""
import sys


def here():
    return sys._getframe(1).f_lineno


def body():
    lines = []
    lines.append(here())
    for i in range(2):
        lines.append(here())
        lines.append(
            here()
        )
    try:
        raise KeyError
    except KeyError:
        lines.append(here())
    x = [here() for _ in range(1)]  # comprehension frame's caller line
    lines.append(x[0])
    lines.append(here() if lines else None)
    lines.append((lambda: here())())
    return lines


def rel(lines):
    base = body.__code__.co_firstlineno
    return [ln - base for ln in lines]


print(rel(body()))
print(rel(body()))
