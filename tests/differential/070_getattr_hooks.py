"""__getattr__, __getattribute__, __setattr__, __delattr__ hooks, and AttributeError raised inside a property falling back to __getattr__."""


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append("get " + name)
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self._target, name)


class Target:
    x = 1


class Counting:
    def __init__(self):
        self.hits = 0

    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)

    def value(self):
        return 7


class Fallback:
    @property
    def broken(self):
        raise AttributeError("inner attribute missing")

    def __getattr__(self, name):
        return "fallback for " + name


def main():
    t = Target()
    p = Proxy(t)
    p.y = 5
    total = 0
    for _ in range(10):
        total += p.x + p.y
    del p.y
    try:
        p.y
    except AttributeError as e:
        print("AttributeError:", e)
    print(total, p.log[:4], len(p.log))
    c = Counting()
    for _ in range(20):
        c.value()
    print(c.hits)
    f = Fallback()
    print(f.broken, f.anything)


main()
main()  # again: the second run goes through code compiled during the first
