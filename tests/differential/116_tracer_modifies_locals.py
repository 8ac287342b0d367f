"""A trace function reading and writing frame.f_locals of a compiled function (writes are applied back in 3.11 tracing)."""
import sys


def compute(n):
    x = n
    y = x * 2
    z = y + 1
    return x, y, z


def tracer(frame, event, arg):
    if frame.f_code is compute.__code__:
        if event == "line" and frame.f_lineno == compute.__code__.co_firstlineno + 3:
            print("locals seen:", sorted(frame.f_locals.items()))
            frame.f_locals["y"] = 1000
        return tracer
    return None


def main():
    print(compute(5))
    sys.settrace(tracer)
    r = compute(5)
    sys.settrace(None)
    print(r)
    print(compute(6))


main()
main()  # again: the second run goes through code compiled during the first
