"""Indexing, storing and iterating lists, tuples and ranges in hot loops: negative and out-of-range indices, bool and big-int indices, subclasses, lists mutated while iterated, ranges near the int limits."""


class MyList(list):
    def __getitem__(self, i):
        return ("my", list.__getitem__(self, i))


class MyTuple(tuple):
    pass


def index_all(seq, idxs):
    out = []
    for i in idxs:
        try:
            out.append(seq[i])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def store_all(lst, idxs):
    for k, i in enumerate(idxs):
        try:
            lst[i] = k
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
    return lst


def mutate_while_iterating():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if len(xs) < 6:
            xs.append(x * 10)
    ys = [1, 2, 3, 4, 5]
    for y in ys:
        seen.append(y)
        if y == 2:
            del ys[:]
    return seen


def ranges():
    out = []
    for r in (range(5), range(-3, 3), range(10, 0, -3), range(2**62, 2**62 + 3),
              range(2**63 - 2, 2**63 + 1), range(-2**63 - 1, -2**63 + 2), range(0)):
        total = 0
        for i in r:
            total += i
        out.append(total)
    return out


def main():
    idxs = [0, 2, -1, -4, 3, 4, -5, True, False, 2**70, -2**70, 1.0, "x"]
    lst = [10, 20, 30, 40]
    print(index_all(lst, idxs))
    print(index_all((10, 20, 30, 40), idxs))
    print(index_all(MyList([1, 2, 3, 4]), [0, -1, 9]))
    print(index_all(MyTuple((1, 2, 3, 4)), [0, -1, 9]))
    print(store_all([0] * 4, [0, -1, 4, -5, True, 2**70, "a"]))
    print(mutate_while_iterating())
    print(ranges())
    grid = [[i * j for j in range(30)] for i in range(30)]
    acc = 0
    for i in range(30):
        row = grid[i]
        for j in range(30):
            acc += row[j] - grid[j][i]
            row[j] = row[j] + 1
    print(acc, grid[29][29])


main()
main()
