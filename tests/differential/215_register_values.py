"""Values kept in registers between instructions (a result stored to a local and read back, with its int value) and locals known bound: arithmetic results of every kind stored and reused, deallocations between a store and the next read, loop variables, locals bound on some paths only, deleted and rebound in loops, and handlers reading locals their try body may not have bound."""

import sys


class Noisy:
    """Its deallocation runs code between a store and the next read."""

    log = []

    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        Noisy.log.append(self.tag)


def chain(x):
    y = x + 1
    z = y * 3
    x = z - y
    y = x // 2
    z = y % 7
    x = z + y
    return x, y, z


def mixed(values):
    out = []
    for v in values:
        a = v + 1
        b = a + a
        c = b - 1
        d = c * c
        e = d + 0.5 if isinstance(d, float) else d + 1
        out.append((a, b, c, d, e, type(e).__name__))
    return out


def crossings():
    out = []
    x = 250
    for _ in range(12):
        x = x + 1
        out.append((x, x - 256))
    y = 2**30 - 4
    for _ in range(8):
        y = y + 1
        out.append(y)
    z = -2**30 + 3
    for _ in range(8):
        z = z - 1
        out.append(z)
    w = 2**62
    w = w + w
    w = w - 1
    out.append(w)
    return out


def types_change(n):
    out = []
    x = 0
    for i in range(n):
        x = x + i
        if i == 5:
            x = x * 2**40
        if i == 10:
            x = x / 3
        if i == 15:
            x = str(x)[:6]
            out.append(x)
            x = len(x)
        out.append(x)
    return out


def stores_that_deallocate(n):
    Noisy.log.clear()
    out = []
    x = Noisy("first")
    for i in range(n):
        x = i + 1000
        y = x + 1
        x = Noisy(i)
        x = y * 2
        z = x + 1
        x = Noisy(-i)
        x = z - 5
        out.append((x + y, z))
    out.append(list(Noisy.log))
    return out


def owned_operands(n):
    def make(k):
        return [k] * 3

    out = []
    for i in range(n):
        s = len(make(i)) + len(make(i + 1))
        t = s + i
        out.append(t)
        u = sum(make(i)) + sum(make(2 ** 40))
        out.append(u - 1)
    return out


def swaps(n):
    a, b = 1, 2
    for i in range(n):
        a, b = b, a + b
        c = a
        a = c + 0
    return a, b


def loop_variable(n):
    out = []
    for i in range(300, 300 + n):
        j = i + 1
        out.append(i + j)
    for i in range(-3, 3):
        k = i
        out.append(k - i)
    for i in range(2**30 - 2, 2**30 + 2):
        out.append(i + 1)
    return out


def maybe_bound(flag):
    if flag:
        x = 1
    try:
        return x + 1
    except UnboundLocalError as e:
        return str(e)


def deleted_in_loop(n):
    out = []
    for i in range(n):
        v = i * 2
        if i % 3 == 0:
            del v
        try:
            out.append(v + 1)
        except UnboundLocalError:
            out.append("unbound")
        v = i
    return out


def handler_reads(n):
    out = []
    for i in range(n):
        try:
            if i % 2:
                raise ValueError(i)
            r = i * 10
            q = r + 1
        except ValueError:
            try:
                out.append(q)
            except UnboundLocalError:
                out.append("q unbound")
        else:
            out.append(q - r)
        finally:
            out.append(i + 100)
    return out


def while_else(n):
    i = 0
    while i < n:
        m = i * i
        i = i + 1
    else:
        last = i
    return m + last if n else last


def generator(n):
    x = 0
    for i in range(n):
        x = x + i
        yield x
        y = x + 1
        yield y


def comparisons(n):
    out = []
    x = 0
    for i in range(n):
        x = x + 3
        if x > 10:
            out.append("gt")
        y = x - 7
        if y == 2:
            out.append("eq")
        if y != x:
            out.append(y < x)
    return out


def refcounts():
    x = 1000
    x = x + 1
    y = x + 0
    return sys.getrefcount(x) - sys.getrefcount(y), x == y


for _ in range(2):
    print(chain(10), chain(-5), chain(2**31))
    print(mixed([1, 2**30, 2**62, 1.5, True, -7]))
    print(crossings())
    print(types_change(20))
    print(stores_that_deallocate(4))
    print(owned_operands(4))
    print(swaps(100))
    print(loop_variable(5))
    print(maybe_bound(True), maybe_bound(False))
    print(deleted_in_loop(7))
    print(handler_reads(4))
    print(while_else(5), while_else(0))
    print(list(generator(5)))
    print(comparisons(6))
    print(refcounts())
