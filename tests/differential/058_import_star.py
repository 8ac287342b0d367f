"""from x import * at module level (IMPORT_STAR): __all__ respected, private names skipped, star from a module without __all__."""
from _corpus_helper import *  # noqa: F403
from string import *  # noqa: F403

print(PUBLIC_CONST, public_fn(1), Shape().describe())  # noqa: F405
for name in ("not_exported", "_private", "raise_here", "ascii_lowercase", "capwords", "_re"):
    print(name, name in globals())
print(ascii_lowercase[:5], capwords("hello there"))  # noqa: F405
for size in (3, 4):
    shape = type("Poly%d" % size, (Shape,), {"sides": size})()  # noqa: F405
    print(shape.describe(), public_fn(size))  # noqa: F405
