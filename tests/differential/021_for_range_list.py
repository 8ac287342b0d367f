"""GET_ITER/FOR_ITER over ranges (incl. negative steps, empty, huge bounds), lists mutated while iterating, tuples, strings."""


def sums():
    a = sum(i for i in range(10))
    b = 0
    for i in range(10, 0, -3):
        b += i
    c = 0
    for i in range(5, 5):
        c += 1
    d = 0
    for i in range(2**64, 2**64 + 3):
        d += i
    return a, b, c, d


def mutate():
    lst = [1, 2, 3]
    seen = []
    for x in lst:
        seen.append(x)
        if x < 5:
            lst.append(x + 3)
    return seen


def remove_while():
    lst = list(range(10))
    seen = []
    for x in lst:
        seen.append(x)
        lst.remove(x)
    return seen, lst


def nested():
    out = []
    for i in range(3):
        for ch in "ab":
            for t in (True, None):
                out.append((i, ch, t))
    return len(out), out[:4], out[-1]


def else_clause(n):
    for i in range(n):
        if i == 3:
            break
    else:
        return "no break"
    return "break at %d" % i


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(sums(), mutate(), remove_while(), nested(), else_clause(10), else_clause(2))
