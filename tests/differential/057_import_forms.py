"""IMPORT_NAME/IMPORT_FROM: import x, import x.y as z, from x import y as z, imports inside functions, module caching."""
import os.path
import collections.abc as cabc
from math import sqrt, pi as PI
import _corpus_helper
from _corpus_helper import public_fn, Shape as S


def local_imports(n):
    import json
    from itertools import islice
    out = []
    for i in range(n):
        import math
        out.append(math.factorial(i))
    return json.dumps(list(islice(out, 3, None)))


class Square(S):
    sides = 4


print(os.path.basename("/a/b/c.txt"), os.path.join("x", "y"), isinstance([], cabc.Sequence), sqrt(16), round(PI, 4))
print(public_fn(2), _corpus_helper.PUBLIC_CONST, Square().describe(), _corpus_helper.load_count)
print(local_imports(6), local_imports(4))
import _corpus_helper as again  # noqa: E402
print(again is _corpus_helper, again.load_count)
import sys  # noqa: E402
print("_corpus_helper" in sys.modules, type(sys.modules["os"]).__name__)
from os import path as p2  # noqa: E402
print(p2 is os.path)
