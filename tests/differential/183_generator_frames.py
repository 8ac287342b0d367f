"""Generator frames resumed from compiled callers: gi_frame.f_back, sys._getframe(1) inside the generator, gi_running, gi_yieldfrom."""
import sys


def gen():
    for i in range(3):
        caller = sys._getframe(1)
        yield (i, caller.f_code.co_name, caller.f_back.f_code.co_name if caller.f_back else None)


def delegating():
    yield from gen()


def consumer_a(g):
    return next(g)


def consumer_b(g):
    return next(g)


def running_state():
    me = None

    def g():
        yield me.gi_running

    me = g()
    return next(me)


def main():
    g = gen()
    print(consumer_a(g), consumer_b(g), [x for x in g])
    d = delegating()
    next(d)
    print(d.gi_yieldfrom.__name__, d.gi_frame.f_code.co_name, d.gi_frame.f_back)
    print(running_state(), d.gi_running, d.gi_frame.f_lineno - delegating.__code__.co_firstlineno)
    list(d)
    print(d.gi_frame, d.gi_yieldfrom)


main()
main()  # again: the second run goes through code compiled during the first
