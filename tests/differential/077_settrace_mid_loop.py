"""sys.settrace installed from inside a hot loop in a called function: the events seen (call/line/return/exception) match CPython."""
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer


def install():
    sys.settrace(tracer)


def install_with_caller_trace():
    # Also trace the (already running) caller: its remaining lines produce events.
    sys._getframe(1).f_trace = tracer
    sys.settrace(tracer)


def helper(x):
    y = x * 2
    return y + 1


def hot_loop(n):
    total = 0
    for i in range(n):
        if i == 50:
            install()
        total += helper(i)
        if i == 53:
            sys.settrace(None)
    return total


def hot_loop_traced(n):
    total = 0
    for i in range(n):
        if i == 10:
            install_with_caller_trace()
        total += i
        if i == 12:
            sys.settrace(None)
            total += 1000
    return total


def main():
    print(hot_loop(100))
    for e in events:
        print(e)
    print(sys.gettrace())
    events.clear()
    print(hot_loop_traced(30))
    for e in events:
        print(e)
    print(sys.gettrace())


main()
main()  # again: the second run goes through code compiled during the first
