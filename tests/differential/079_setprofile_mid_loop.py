"""sys.setprofile switched on inside a hot loop: call/return/c_call/c_return/c_exception events match CPython."""
import sys

events = []


def profiler(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    name = arg.__name__ if event.startswith("c_") else frame.f_code.co_name
    events.append((event, name))


def leaf(x):
    return abs(x) + len([x])


def raiser():
    try:
        int("zz")
    except ValueError:
        return "caught"


def work(n):
    t = 0
    for i in range(n):
        if i == 20:
            sys.setprofile(profiler)
        t += leaf(-i)
        if i == 21:
            raiser()
        if i == 22:
            sys.setprofile(None)
    return t


print(work(40))
for e in events:
    print(e)
print(sys.getprofile())
