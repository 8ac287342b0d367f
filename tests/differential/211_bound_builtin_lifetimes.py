"""Objects whose builtin methods are called through warm call sites die exactly when their last reference goes: `__del__`, weakref callbacks and ResourceWarning-style finalisers run at the same point as in the interpreter (a call site must not keep the bound method, and with it the object, alive)."""
import weakref

events = []


class Tracked(list):
    i = "anonymous"

    def __del__(self):
        events.append("del %s" % self.i)


class Sink:
    def __init__(self, i):
        self.i = i
        self.items = Tracked()
        self.items.i = -i
        self.add = self.items.append  # a bound builtin method kept on the object

    def __del__(self):
        events.append("sink del %d" % self.i)


def use(f, x):
    f(x)
    return x


def call_method(obj, x):
    obj.append(x)


def via_attribute(sink, x):
    sink.add(x)


def main():
    for i in range(40):
        t = Tracked()
        t.i = i
        use(t.append, i)
        call_method(t, i)
        del t
        events.append("after %d" % i)
    for i in range(40):
        s = Sink(i)
        via_attribute(s, i)
        r = weakref.ref(s.items, lambda _, i=i: events.append("items gone %d" % i))
        del s
        events.append("after sink %d" % i)
    for i in range(20):
        d = {}
        setter = d.setdefault
        use(setter, i)
        r = weakref.ref(Tracked())  # dies at once
        events.append((r() is None, len(d)))
        del setter, d


main()
print(events[:8])
print(events[-12:])
print(len(events))
