"""STORE_NAME/LOAD_NAME/DELETE_NAME on non-dict namespaces: class bodies with a __prepare__ mapping, exec with mapping locals."""
import collections.abc


class LoggingNS(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.log.append("set " + k)
        super().__setitem__(k, v)

    def __getitem__(self, k):
        if not k.startswith("__"):
            self.log.append("get " + k)
        return super().__getitem__(k)

    def __delitem__(self, k):
        self.log.append("del " + k)
        super().__delitem__(k)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingNS()

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.ns_log = ns.log
        return cls


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    class Body(metaclass=Meta):
        a = 1
        b = a + 1
        del a
        c = [i * 2 for i in range(b + 1)]  # only the outermost iterable is evaluated in the class scope
        total = 0
        for i in range(4):
            total += i


    class Mapping(collections.abc.MutableMapping):
        def __init__(self):
            self.d = {}
            self.log = []

        def __getitem__(self, k):
            self.log.append("get " + k)
            return self.d[k]

        def __setitem__(self, k, v):
            self.log.append("set " + k)
            self.d[k] = v

        def __delitem__(self, k):
            self.log.append("del " + k)
            del self.d[k]

        def __iter__(self):
            return iter(self.d)

        def __len__(self):
            return len(self.d)


    print(Body.ns_log, Body.c, Body.total, hasattr(Body, "a"))
    m = Mapping()
    exec("x = 1\nfor j in range(3):\n    x = x + j\ny = x * 2\ndel x\ntry:\n    x\nexcept NameError as e:\n    err = str(e)\n", {}, m)
    print(m.log, sorted(m.d.items()))
    m2 = Mapping()
    exec("from math import *\nr = floor(2.5)", {}, m2)
    print(m2.d["r"], "sqrt" in m2.d, len(m2.log) > 10)
