"""Helper module imported by the differential programs (not a program itself)."""
__all__ = ["public_fn", "PUBLIC_CONST", "Shape"]

PUBLIC_CONST = 42
_private = "hidden"
not_exported = "not in __all__"
load_count = 0
load_count += 1


def public_fn(x):
    return x * PUBLIC_CONST


class Shape:
    sides = 0

    def describe(self):
        return "%s with %d sides" % (type(self).__name__, self.sides)


def raise_here(msg):
    raise ValueError(msg)
