"""for loops over generators called from compiled code: yield, yield from, send, close, return values, exceptions inside."""


def gen(n):
    for i in range(n):
        yield i * i
    return "done"


def delegate(n):
    r = yield from gen(n)
    yield r


def raising():
    yield 1
    yield 2
    raise KeyError("gen failed")


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closed with", received)
        raise


def main():
    print(list(gen(5)), list(delegate(3)))
    total = 0
    for v in gen(100):
        total += v
    print(total)
    out = []
    try:
        for v in raising():
            out.append(v)
    except KeyError as e:
        out.append(repr(e))
    print(out)
    e = echo()
    print(next(e), e.send("a"), e.send("b"))
    e.close()
    g = gen(2)
    print(next(g), next(g))
    try:
        next(g)
    except StopIteration as s:
        print("StopIteration value:", s.value)
    g2 = gen(10)
    next(g2)
    try:
        g2.throw(ValueError("thrown"))
    except ValueError as ex:
        print("thrown out:", ex)
    print(sum(x for x in range(10) if x % 2), max((x * 3) % 7 for x in range(20)))


main()
main()  # again: the second run goes through code compiled during the first
