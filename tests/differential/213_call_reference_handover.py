"""Compiled callers hand their references to the callee's frame, and a returned local moves out of the finished frame: reference counts of arguments, functions and results after many calls; functions that rebind or delete their own global name while running; `__code__` replaced and argument counts changed at a warm site; errors raised with handed-over arguments (tracebacks keep their frames and locals); frames kept by `sys._getframe()` and `locals()` still showing returned locals."""

import sys
import traceback


def ident(x):
    return x


def pair(a, b):
    return (a, b)


def boxed(x):
    y = [x]
    return y


def counts(n):
    obj = object()
    big = 2**80
    before = (sys.getrefcount(obj), sys.getrefcount(big), sys.getrefcount(ident), sys.getrefcount(boxed))
    last = None
    for i in range(n):
        r = ident(obj)
        p = pair(big + i, obj)
        last = boxed(p)
        q = ident(big * 2)
    result = (sys.getrefcount(last), last[0][0] - big)
    del r, p, q, last
    after = (sys.getrefcount(obj), sys.getrefcount(big), sys.getrefcount(ident), sys.getrefcount(boxed))
    return before == after, result


def rebinder(k):
    global rebinder
    if k == 3:
        saved = rebinder
        del rebinder
        rebinder = lambda k: ("replacement", k)
        return ("deleted and rebound", saved.__name__)
    return ("kept", k)


def rebinding(n):
    out = []
    for i in range(n):
        out.append(rebinder(i))
    return out


def two(a, b):
    return a + b


def three(a, b, c):
    return a * b * c


def code_swaps(n):
    out = []
    f = two
    for i in range(n):
        try:
            out.append(f(i, i + 1))
        except TypeError as e:
            out.append(str(e))
        if i == 3:
            f.__code__ = three.__code__
        if i == 6:
            f.__code__ = ident.__code__
        if i == 8:
            f = pair
    return out


def fails(a, b):
    local = [a, b]
    return a / b + len(local)


def errors(n):
    out = []
    for i in range(n):
        try:
            out.append(fails(i * 10, i % 3))
        except ZeroDivisionError as e:
            tb = e.__traceback__
            while tb.tb_next:
                tb = tb.tb_next
            out.append((str(e), sorted(tb.tb_frame.f_locals), traceback.format_exc().splitlines()[-3].strip()))
    return out


frames = []


def keeps(x):
    y = [x]
    frames.append(sys._getframe())
    return y


def with_locals(x):
    y = [x]
    seen = locals()
    return y


def kept_frames(n):
    out = []
    for i in range(n):
        a = keeps(i)
        b = with_locals(i)
        out.append((a, b, sorted(frames[-1].f_locals.items()), sys.getrefcount(a), sys.getrefcount(b)))
    frames.clear()
    return out


def deep(k):
    if k == 0:
        return 0
    return deep(k - 1) + 1


for _ in range(2):
    print(counts(200))
    print(rebinding(6))
    print(code_swaps(10))
    print(errors(5))
    print(kept_frames(4))
    print(deep(300))
