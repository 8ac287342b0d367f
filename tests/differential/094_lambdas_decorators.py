"""Lambdas and decorators: stacked decorators, decorators with arguments, functools.wraps, class decorators, decorator order."""
import functools

trace = []


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        trace.append("call %s%r" % (fn.__name__, args))
        return fn(*args, **kwargs)
    return wrapper


def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco


def announce(name):
    print("decorating with", name)

    def deco(fn):
        print("applying", name, "to", fn.__name__)
        return fn
    return deco


@announce("outer")
@announce("inner")
@logged
def add(a, b):
    """Adds."""
    return a + b


@repeat(3)
def hello(n):
    return "hi%d" % n


def add_repr(cls):
    cls.__repr__ = lambda self: "<%s %s>" % (cls.__name__, self.__dict__)
    return cls


@add_repr
class Thing:
    def __init__(self, v):
        self.v = v


def main():
    print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__(5, 5), trace)
    print(hello(7), Thing(3))
    f = lambda x, *r, k=2, **kw: (x, r, k, kw)  # noqa: E731
    print(f(1), f(1, 2, 3, k=4, z=5), (lambda: "no args")(), (lambda *a: len(a))(*range(9)))
    compose = lambda *fs: lambda x: functools.reduce(lambda acc, g: g(acc), fs, x)  # noqa: E731
    print(compose(str, len, lambda n: n * 10)(12345))
    adders = {n: (lambda n: lambda x: x + n)(n) for n in range(3)}
    print([adders[i](10) for i in range(3)], f.__name__, f.__code__.co_varnames)


main()
main()  # again: the second run goes through code compiled during the first
