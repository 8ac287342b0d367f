"""Tracing switched on (for the running caller too) from special methods run implicitly: __bool__ in if/and/or, __del__ on rebinding, __add__, __getattr__, __iter__."""
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__ and frame.f_code.co_name.startswith("run_"):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


def start_tracing():
    # Trace the caller of the special method, which is already running.
    sys._getframe(2).f_trace = tracer
    sys.settrace(tracer)


class StartsTracing:
    def __bool__(self):
        start_tracing()
        return True

    def __add__(self, other):
        start_tracing()
        return 1

    def __getattr__(self, name):
        start_tracing()
        return 2

    def __iter__(self):
        start_tracing()
        return iter([1, 2])


class Dying:
    def __del__(self):
        start_tracing()


def run_if(obj):
    x = 0
    if obj:
        x += 1
    x += 2
    return x


def run_and(obj):
    v = obj and 5
    w = 6
    return v, w


def run_or(obj):
    v = obj or 5
    w = 7
    return w


def run_del(factory):
    a = factory()
    a = None
    b = 1
    c = 2
    return b + c


def run_add(obj):
    a = obj + 1
    b = a + 1
    return b


def run_getattr(obj):
    a = obj.anything
    b = a + 1
    return b


def run_iter(obj):
    total = 0
    for v in obj:
        total += v
    return total


def main():
    for fn in (run_if, run_and, run_or, run_del, run_add, run_getattr, run_iter):
        events.clear()
        if fn is run_del:
            r = fn(Dying)
        else:
            r = fn(StartsTracing())
        sys.settrace(None)
        print(fn.__name__, r, events)


main()
main()  # again: the second run goes through code compiled during the first
