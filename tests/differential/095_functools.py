"""functools: lru_cache (hits/misses), cache, reduce, partial, partialmethod, singledispatch, total_ordering, wraps."""
import functools


@functools.lru_cache(maxsize=32)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


@functools.singledispatch
def describe(x):
    return "object"


@describe.register
def _(x: int):
    return "int %d" % x


@describe.register(list)
def _(x):
    return "list of %d" % len(x)


class Cell:
    def __init__(self):
        self.state = None

    def set(self, v):
        self.state = v

    set_on = functools.partialmethod(set, True)


def main():
    print(fib(80), fib.cache_info())
    fib.cache_clear()
    print(fib(10), fib.cache_info())
    print(ways(30), ways.cache_info().hits > 0)
    print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(max, [3, 9, 2], 0))
    p = functools.partial(int, base=2)
    print(p("1010"), p.func.__name__, p.keywords)
    print(describe(3), describe([1, 2]), describe("s"), describe(True))
    c = Cell()
    c.set_on()
    print(c.state)
    try:
        functools.reduce(lambda a, b: a + b, [])
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
