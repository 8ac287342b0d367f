"""Values whose type changes while a compiled loop runs: an accumulator going int -> big int -> float -> str and back, operands of arithmetic, comparisons and subscripts changing type at a given iteration, a recursive function called with int, big int, float and str arguments in turn, and a global rebound to another type mid-loop."""

SCALE = 3


def accumulate(n):
    acc = 0
    kinds = []
    for i in range(n):
        if i == 10:
            acc = acc * 2**62
        elif i == 20:
            acc = acc / 7
        elif i == 30:
            acc = str(acc)[:8]
        elif i == 40:
            acc = len(acc)
        if isinstance(acc, str):
            acc = acc + "x"
        else:
            acc = acc + i * SCALE
        kinds.append(type(acc).__name__)
    return acc, kinds[::5]


def mixed_ops(values):
    out = []
    for v in values:
        try:
            out.append((v + v, v * 2, v - 1 if not isinstance(v, str) else v, v < 5 if not isinstance(v, str) else v < "5"))
        except TypeError as e:
            out.append(("TypeError", str(e)))
    return out


def subscripts(n):
    seq = list(range(10))
    out = []
    for i in range(n):
        idx = i % 10
        if i == 5:
            seq = tuple(seq)
        if i == 8:
            seq = "abcdefghij"
        if i == 11:
            idx = 2**70
        try:
            out.append(seq[idx])
        except IndexError as e:
            out.append("IndexError: %s" % e)
    return out


def rec(x, depth):
    if depth == 0:
        return x
    return rec(x + x, depth - 1)


def rebinding(n):
    global SCALE
    out = []
    for i in range(n):
        if i == 3:
            SCALE = 2.5
        if i == 6:
            SCALE = "ab"
        if i == 9:
            SCALE = 3
        out.append(SCALE * 2)
    return out


def main():
    print(accumulate(50))
    print(mixed_ops([1, 2**65, 1.5, "s", True, -0.0, 10**20 + 0.5]))
    print(subscripts(14))
    print([rec(v, 5) for v in (1, 2**70, 0.1, "ab", (1,))])
    print(rebinding(12))


main()
main()
