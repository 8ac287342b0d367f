"""Advanced closures: Y-combinator, recursive closures via nonlocal, memoization dict in a closure, closures in class methods."""


def Y(f):
    return (lambda x: x(x))(lambda y: f(lambda *args: y(y)(*args)))


fact = Y(lambda self: lambda n: 1 if n < 2 else n * self(n - 1))


def memoize(fn):
    cache = {}
    hits = [0]

    def wrapper(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        r = cache[n] = fn(n)
        return r

    wrapper.hits = hits
    return wrapper


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def make_recursive():
    def walk(n):
        nonlocal calls
        calls += 1
        return 0 if n == 0 else 1 + walk(n - 1)
    calls = 0
    r = walk(30)
    return r, calls


class Counter:
    def make_incrementer(self, step):
        def inc():
            self.value += step
            return self.value
        return inc

    def __init__(self):
        self.value = 0


def main():
    print(fact(20), fib(90), fib.hits[0], make_recursive())
    c = Counter()
    incs = [c.make_incrementer(s) for s in (1, 10, 100)]
    for f in incs * 3:
        f()
    print(c.value)

    def outer():
        x = 0
        def a():
            nonlocal x
            x += 1
            return b()
        def b():
            return x * 10
        return a
    f = outer()
    print([f() for _ in range(3)], f.__closure__ is not None, len(f.__code__.co_freevars))


main()
main()  # again: the second run goes through code compiled during the first
