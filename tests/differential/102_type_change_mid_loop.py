"""Values changing type in the middle of hot loops: int overflow into big ints, int to float, locals rebound to other types."""


def grow():
    x = 1
    out = []
    for i in range(70):
        x = x * 2 + (i & 1)
        if i % 10 == 0:
            out.append(x)
    return out


def switch_type(n):
    acc = 0
    for i in range(n):
        if i == n // 2:
            acc = float(acc)
        if i == n - 3:
            acc = str(acc)
            break
        acc += i
    return acc, type(acc).__name__


def counters():
    c = 0
    d = 0
    for i in range(1000):
        c += 1
        d -= 1
        if c == 500:
            c = 2**62
            d = -(2**62)
    return c, d, c + d


def negative_zero():
    vals = []
    x = 1.0
    for _ in range(5):
        x = -x * 0.0
        vals.append(repr(x))
    return vals


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(grow(), switch_type(20), counters(), negative_zero())
