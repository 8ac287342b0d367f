"""Call sites that call several compiled Python functions in turn: a method call on objects of more classes than a site remembers, functions passed in as values, one of them given other code mid-loop, a callee taking defaults or raising, and the site called again once the callees changed."""


def make_class(k):
    def step(self, x):
        return x * k + self.base

    return type("C%d" % k, (), {"step": step, "__init__": lambda self: setattr(self, "base", k)})


CLASSES = [make_class(k) for k in range(6)]


def f0(x):
    return x + 1


def f1(x):
    return x * 2


def f2(x, y=10):
    return x - y


def f3(x):
    if x > 50:
        raise ValueError(x)
    return -x


def replacement(x):
    return ("replaced", x)


def run_methods(objs, n):
    total = 0
    for i in range(n):
        total += objs[i % len(objs)].step(i)
    return total


def run_functions(funcs, n):
    out = []
    for i in range(n):
        f = funcs[i % len(funcs)]
        if i == 7:
            f1.__code__ = replacement.__code__
        try:
            out.append(f(i))
        except ValueError as e:
            out.append("ValueError %s" % e)
    return out


def main():
    objs = [cls() for cls in CLASSES]
    print(run_methods(objs[:2], 50), run_methods(objs, 300), run_methods(objs[3:], 40))
    original = f1.__code__
    print(run_functions([f0, f1, f2, f3], 60))
    f1.__code__ = original
    print(run_functions([f3, f2, f1, f0, abs, len.__call__ if False else str], 12))
    f1.__code__ = original


main()
main()
