"""Augmented assignment to attributes and subscripts (COPY/SWAP stack shuffles): the container and key are evaluated once."""
log = []


class Obj:
    def __init__(self):
        self.v = 0

    def __getattribute__(self, name):
        if name == "v":
            log.append("get v")
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        log.append("set %s=%r" % (name, value))
        object.__setattr__(self, name, value)


class Store(dict):
    def __getitem__(self, k):
        log.append("getitem %r" % (k,))
        return dict.__getitem__(self, k)

    def __setitem__(self, k, v):
        log.append("setitem %r=%r" % (k, v))
        dict.__setitem__(self, k, v)


def key(k):
    log.append("key %r" % (k,))
    return k


def container(c):
    log.append("container")
    return c


def main():
    o = Obj()
    o.v += 5
    container(o).v *= 3
    print(log)
    log.clear()
    s = Store(a=1)
    container(s)[key("a")] += 10
    s[key("b")] = s[key("a")] ** 2
    print(log, dict(s))
    log.clear()
    lst = [1, 2, 3]
    i = 0
    for _ in range(3):
        lst[i] += lst[i - 1]
        i += 1
    print(lst)
    m = [[0] * 3 for _ in range(3)]
    for r in range(3):
        for c in range(3):
            m[r][c] += r * 3 + c
            m[r][c] -= 1
    print(m)
    t = Store(x=[1])
    t["x"] += [2]
    print(log, dict(t))
    try:
        tup = ([1],)
        tup[0] += [2]
    except TypeError as e:
        print("TypeError:", e, tup)


main()
main()  # again: the second run goes through code compiled during the first
