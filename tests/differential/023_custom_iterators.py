"""Custom iterator classes (__iter__/__next__), iterators raising errors mid-loop, old-style __getitem__ iteration."""


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Faulty:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == 4:
            raise ValueError("broken at %d" % self.i)
        return self.i


class OldStyle:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError("end")
        return i * i


class NotIterable:
    pass


class BadIter:
    def __iter__(self):
        return 5


def consume(it):
    out = []
    try:
        for x in it:
            out.append(x)
    except Exception as e:
        out.append("%s: %s" % (type(e).__name__, e))
    return out


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for obj in [Countdown(5), Faulty(), OldStyle(), NotIterable(), BadIter(), iter([1, 2]), "xy"]:
        print(type(obj).__name__, consume(obj))
    print(list(Countdown(3)), sum(OldStyle()), 16 in OldStyle(), 17 in OldStyle())
    it = iter(Countdown(3))
    print(next(it), next(it), next(it), next(it, "done"))
    try:
        next(it)
    except StopIteration as e:
        print("StopIteration", e.args)
    print(list(iter(OldStyle().__getitem__, 9)) if False else list(iter([3, 2, 1].pop, 1)))
