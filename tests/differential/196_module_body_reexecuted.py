"""One module-body code object executed several times (so it runs compiled): import *, annotations, del of names, class bodies, loops, try, with, match at module level."""

SOURCE = '''
import math
import os.path as osp
from _corpus_helper import *
from collections import OrderedDict as OD, deque
limit: int = 5
label: str
total = 0
for i in range(limit * 100):
    total += i % 7
squares = [n * n for n in range(limit)]
try:
    missing_name
except NameError as exc:
    error = str(exc)
with open(osp.devnull) as fh:
    closed_inside = fh.closed
match squares:
    case [0, 1, *rest]:
        matched = rest
    case _:
        matched = None


class Local:
    kind: str = "local"
    doubled = [k * 2 for k in range(3)]
    if limit > 3:
        big = True
    else:
        big = False


scratch = "temporary"
del scratch
try:
    del scratch
except NameError as exc2:
    second_delete = str(exc2)
summary = (total, squares, error, closed_inside, matched, Local.doubled, Local.big, second_delete,
           math.isqrt(total), public_fn(2), PUBLIC_CONST, OD(a=1), deque([1, 2]).pop(),
           __annotations__, Local.__annotations__, "scratch" in dir())
'''

code = compile(SOURCE, "<module-body>", "exec")
for run in range(3):
    namespace = {"__name__": "body%d" % run}
    exec(code, namespace)
    print(run, namespace["summary"])
    print(sorted(k for k in namespace if not k.startswith("__") and k not in ("summary",))[:12])
