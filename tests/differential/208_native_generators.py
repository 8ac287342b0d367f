"""Generators resumed natively: send() values, return values, yields inside try/finally and with, throw() and close() into suspended frames, exceptions raised in the body, frame introspection of suspended generators (gi_frame.f_lineno, f_locals), deep generator chains, and generators suspended before their code was compiled."""
import sys


class Ctx:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")

    def __exit__(self, *exc):
        self.log.append(("exit", exc[0].__name__ if exc[0] else None))
        return False


def counter(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def guarded(log):
    try:
        with Ctx(log):
            yield 1
            yield 2
        yield 3
    finally:
        log.append("finally")


def raising(n):
    for i in range(n):
        yield 10 // (n - 2 - i)


def chain(depth):
    if depth == 0:
        yield "leaf"
        return
    for x in chain(depth - 1):
        yield x


def introspect():
    a = 1
    yield sys._getframe().f_lineno
    b = a + 1
    yield b


def main():
    g = counter(5)
    vals = [next(g)]
    try:
        while True:
            vals.append(g.send(len(vals) * 10))
    except StopIteration as e:
        vals.append(("return", e.value))
    print(vals)

    log = []
    g = guarded(log)
    print(next(g), next(g), log)
    g.close()
    print(log, g.gi_frame)

    log = []
    g = guarded(log)
    next(g)
    try:
        g.throw(KeyError("boom"))
    except KeyError as e:
        print("KeyError", e, log)

    try:
        print(list(raising(5)))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

    print(list(chain(40))[0], sum(1 for _ in chain(3)))

    g = introspect()
    line = next(g)
    print(line, g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals), g.gi_running)
    print(next(g), g.gi_frame.f_locals["b"])
    print(list(g), g.gi_frame)

    # A generator object that outlives many resumptions in a hot loop.
    g = counter(10 ** 5)
    s = 0
    for x in g:
        s += x
    print(s)


main()
main()
