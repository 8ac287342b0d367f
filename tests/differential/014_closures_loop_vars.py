"""Closures over loop variables: late binding, default-argument capture, comprehension scopes."""


def late():
    fs = []
    for i in range(4):
        fs.append(lambda: i)
    return [f() for f in fs]


def early():
    fs = []
    for i in range(4):
        fs.append(lambda i=i: i)
    return [f() for f in fs]


def comp():
    fs = [lambda: j for j in range(3)]
    gs = [(lambda k: lambda: k)(j) for j in range(3)]
    return [f() for f in fs], [g() for g in gs]


def while_cells():
    out = []
    n = 0
    while n < 3:
        def cap():
            return n * 10
        out.append(cap)
        n += 1
    return [c() for c in out]


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(late(), early(), comp(), while_cells())
