"""Driving coroutines and generators by hand (send/throw/close) from compiled functions, generator state introspection."""
import inspect
import types


@types.coroutine
def suspend(value):
    received = yield value
    return received


async def coro(tag):
    a = await suspend(tag + ":first")
    b = await suspend(tag + ":second")
    return a + b


def drive(c, replies):
    out = []
    try:
        out.append(c.send(None))
        for r in replies:
            out.append(c.send(r))
    except StopIteration as e:
        out.append(("returned", e.value))
    return out


def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1


def main():
    print(drive(coro("x"), [1, 2]))
    c = coro("y")
    c.send(None)
    try:
        c.throw(RuntimeError("thrown into coroutine"))
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(inspect.getcoroutinestate(c))
    g = counter()
    print(inspect.getgeneratorstate(g), next(g), g.send(None), g.send(None), g.send("reset"), next(g))
    print(inspect.getgeneratorstate(g))
    g.close()
    print(inspect.getgeneratorstate(g))
    c2 = coro("z")
    c2.close()
    try:
        c2.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
