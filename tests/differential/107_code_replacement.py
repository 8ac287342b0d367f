"""Replacing a compiled function's __code__, __defaults__ and __globals__-visible names while it is hot."""


def target(x):
    return x + 1


def other(x):
    return x * 100


def caller(n):
    original = target.__code__
    out = []
    for i in range(n):
        if i == 3:
            target.__code__ = other.__code__
        if i == 5:
            target.__code__ = (lambda x: -x).__code__
        out.append(target(i))
    target.__code__ = original
    return out


def with_defaults(a, b=1):
    return a + b


def defaults_loop():
    out = []
    for i in range(4):
        if i == 2:
            with_defaults.__defaults__ = (1000,)
        out.append(with_defaults(i))
    with_defaults.__defaults__ = (1,)
    return out


def rename_loop():
    global target
    saved = target
    out = []
    for i in range(4):
        if i == 2:
            target = str
        out.append(target(i))
    target = saved
    return out


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(caller(8))
    print(defaults_loop())
    print(rename_loop())
