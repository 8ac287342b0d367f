"""`for i in range(...)` reuses the loop variable's int when nothing else references it: values kept elsewhere (in lists, other locals, dicts, generators' yields), values crossing the small-int cache and the one-digit limit, negative and stepped ranges, the variable rebound or deleted in the body, and identity with the cached small ints."""

import sys


def kept(n):
    out = []
    for i in range(n):
        if i % 1000 == 999:
            out.append((i, sys.getrefcount(i), type(i)))
    seen = {}
    for j in range(250, 270):
        out.append(j)
        if j == 260:
            alias = j
        seen[j % 3] = j
    out.append((alias, sorted(seen.items())))
    return out


def limits():
    out = []
    for k in range(2**30 - 3, 2**30 + 3):
        out.append(k)
    for k in range(-300, -250, 7):
        out.append(k)
    for k in range(300, 240, -9):
        out.append((k, k == 256, k < 257))
    small = []
    for k in range(250, 262):
        small.append(k)
    out.append([a is b for a, b in zip(small, range(250, 262))])
    return out


def rebound(n):
    out = []
    for k in range(1000, 1000 + n):
        if k % 3 == 0:
            k = str(k)
        elif k % 3 == 1:
            del k
            continue
        out.append(k)
    x = y = None
    for x in range(5000, 5003):
        y = x
    out.append((x, y, x is y, x + 1))
    return out


def gen(n):
    for i in range(1000, 1000 + n):
        yield i


def totals(n):
    total = 0
    for i in range(n):
        total += i
    return total, list(gen(5))


for _ in range(2):
    print(kept(5000))
    print(limits())
    print(rebound(9))
    print(totals(100000))
