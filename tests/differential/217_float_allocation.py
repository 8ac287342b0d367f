"""Float results allocated from the interpreter's free list inline and released to it inline, and expression temporaries (a float only the operation references) reused for the result: values of chained expressions, mixed int/float operands, NaN/inf/-0.0, float subclasses, values kept alive by locals and containers while the expression runs, reference counts afterwards, the free list filling up, and tracemalloc seeing each allocation."""

import math
import sys
import tracemalloc


class F(float):
    def __add__(self, other):
        return F(float(self) + float(other) + 0.5)


def chains(n):
    acc = 0.0
    out = []
    for i in range(n):
        x = i * 0.5
        y = (x * x + x * 2.0 + 1.0) * (x - 3.0) / (x + 1.0)
        z = ((x + 1.5) * (x - 1.5)) - (x * x) + (i + 0.25) * 2 - i * 2
        acc += y * 0.001 + z
        out.append((round(y, 9), z))
    return acc, out[:3], out[-2:]


def kept_alive(n):
    seen = []
    for i in range(n):
        a = i + 0.5
        t = a * 2.0
        seen.append(t)
        u = t * 3.0
        seen.append(u + t)
    return seen[:6], sum(seen), [type(v).__name__ for v in seen[:2]]


def specials():
    inf = float("inf")
    nan = float("nan")
    out = []
    for v in (inf, -inf, nan, -0.0, 0.0, 1e308, 5e-324):
        r = (v * 2.0) + (v - v * 1.0)
        out.append(repr(r))
        out.append(repr((v + 1.0) * -1.0))
        out.append(math.copysign(1.0, (v * 0.0) + (-0.0 * 1.0)) if not math.isnan(v) else "nan")
    return out


def subclasses():
    a = F(1.5)
    b = a + 2.0
    c = (a * 2.0) + 1.0
    d = (a + 1.0) * 2.0
    return [type(v).__name__ for v in (b, c, d)], b, c, d


def counts(n):
    base = 1.25
    before = sys.getrefcount(base)
    total = 0.0
    for i in range(n):
        total += (base * i + base) * (base - i)
    return before == sys.getrefcount(base), total


def fill_free_list(n):
    # Many temporaries alive at once, then released together.
    vals = [((i * 1.5) + 0.25) * 2.0 for i in range(n)]
    s = sum(vals)
    del vals
    again = [((i * 0.5) - 0.25) * 4.0 for i in range(n)]
    return s, sum(again), len(again)


def release_many(n):
    # Floats dying one by one in compiled code (list stores, local
    # rebinding), more than the free list holds, then allocated again.
    vals = [i * 0.5 + 0.125 for i in range(n)]
    for i in range(n):
        vals[i] = None
    x = 0.0
    for i in range(n):
        x = i * 0.25 + x
    again = [i * 1.5 for i in range(n)]
    return x, sum(again), vals.count(None)


def make_floats(n):
    return [((i * 1.5) + 0.25) * 2.0 for i in range(n)]


def traced():
    # Code run for the first time while tracing is compiled then, and the
    # compiler's own allocations would count: run everything once first.
    make_floats(10)
    tracemalloc.start()
    tracemalloc.take_snapshot()
    tracemalloc.stop()
    tracemalloc.start()
    try:
        keep = make_floats(300)
        snap = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    this = __file__
    stats = [s for s in snap.statistics("lineno") if s.traceback[0].filename == this]
    return len(keep), sorted((s.traceback[0].lineno, s.count) for s in stats)


def main():
    print(chains(200))
    print(kept_alive(50))
    print(specials())
    print(subclasses())
    print(counts(100))
    print(fill_free_list(500))
    print(release_many(400))
    print(traced())


main()
main()
