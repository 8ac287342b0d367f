"""Compiled functions calling themselves (the self-call path pushes the callee's frame directly, borrowing the code object): deep and mutual recursion, methods, tracebacks through recursive frames, frames kept by sys._getframe() and locals() past the call, __code__ replaced and the global rebound or deleted mid-recursion, reference counts of the function, its code and arguments afterwards, default arguments, and threads recursing at once."""

import sys
import threading
import traceback


def fib(a):
    if a <= 2:
        return 1
    return fib(a - 1) + fib(a - 2)


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


def fail_at(n, k):
    if n == k:
        raise ValueError("reached %d" % n)
    return fail_at(n + 1, k) + 1


kept = []


def keep_frames(n):
    kept.append(sys._getframe())
    if n == 0:
        return "bottom"
    return keep_frames(n - 1)


def with_locals(n):
    marker = n * 10
    if n == 0:
        return sorted(locals().items())
    return with_locals(n - 1)


def swapper(n):
    if n == 2:
        swapper.__code__ = replacement.__code__
    if n == 0:
        return ["original bottom"]
    return swapper(n - 1) + ["original %d" % n]


def replacement(n):
    return ["replacement %d" % n]


def rebinder(n):
    global rebinder
    if n == 3:
        saved = rebinder
        rebinder = lambda n: ["lambda %d" % n]
        out = saved(n - 1)
        rebinder = saved
        return out + ["restored at 3"]
    if n == 0:
        return ["bottom"]
    return rebinder(n - 1) + [str(n)]


def deleter(n):
    global deleter
    if n == 1:
        me = deleter
        del deleter
        try:
            return deleter(0)
        except NameError as e:
            return "NameError: %s" % e
        finally:
            globals()["deleter"] = me
    return deleter(n - 1)


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_dive":
        events.append((event, frame.f_locals.get("n")))
    return tracer


def traced_dive(n):
    if n == 3:
        sys.settrace(tracer)
    if n == 0:
        sys.settrace(None)
        return 0
    return traced_dive(n - 1) + n


def with_default(n, step=1):
    if n <= 0:
        return 0
    return 1 + with_default(n - step)


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


class Tree:
    def __init__(self, depth):
        self.children = [Tree(depth - 1), Tree(depth - 1)] if depth else []

    def count(self):
        total = 1
        for c in self.children:
            total += c.count()
        return total

    def walk(self, depth):
        if not self.children:
            return depth
        return max(self.walk_child(0, depth), self.walk_child(1, depth))

    def walk_child(self, i, depth):
        return self.children[i].walk(depth + 1)


def worker(results, i):
    results[i] = (fib(15 + i % 3), depth_sum(200))


def main():
    print("fib", [fib(n) for n in range(1, 20)])
    print("depth_sum", depth_sum(500))
    try:
        fail_at(0, 7)
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("error", e, [f.name for f in tb], [f.lineno for f in tb][-3:])
    kept.clear()
    print("keep_frames", keep_frames(4), [f.f_locals["n"] for f in kept], [f.f_code.co_name for f in kept])
    print("f_back chain", [f.f_back.f_code.co_name for f in kept])
    kept.clear()
    print("with_locals", with_locals(3))
    original = swapper.__code__
    print("swapper", swapper(4))
    swapper.__code__ = original
    print("swapper restored", swapper(3))
    print("rebinder", rebinder(5))
    print("deleter", deleter(4), deleter.__name__)
    print("with_default", with_default(10), with_default(10, 3))
    events.clear()
    print("traced_dive", traced_dive(6), events)
    print("even/odd", even(30), odd(31), even(7))
    t = Tree(6)
    print("tree", t.count(), t.walk(0))
    code = fib.__code__
    for _ in range(2):  # the second round counts (a call site may keep the code)
        before = (sys.getrefcount(fib), sys.getrefcount(code))
        for _ in range(3):
            fib(12)
        after = (sys.getrefcount(fib), sys.getrefcount(code))
    print("fib/code counts balanced", before == after)
    big = 10**30
    before = sys.getrefcount(big)
    depth_sum(50)
    print("argument counts balanced", before == sys.getrefcount(big))
    results = [None] * 4
    threads = [threading.Thread(target=worker, args=(results, i)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("threads", results)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(5000)
    try:
        print("deep", depth_sum(4000))
        try:
            depth_sum(10**6)
        except RecursionError as e:
            print("RecursionError:", e)
    finally:
        sys.setrecursionlimit(old)


main()
main()
