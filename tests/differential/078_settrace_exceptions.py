"""sys.settrace seeing exception, call, line and return events through raising and catching functions, and f_trace per frame."""
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == "exception":
        events.append((event, frame.f_code.co_name, frame.f_lineno, arg[0].__name__))
    elif event == "return":
        events.append((event, frame.f_code.co_name, frame.f_lineno, repr(arg)))
    else:
        events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer


def fails(n):
    if n > 1:
        raise ValueError(n)
    return n


def catcher(n):
    try:
        return fails(n)
    except ValueError:
        return -1
    finally:
        n += 1


def loop():
    out = []
    for i in range(3):
        out.append(catcher(i))
    return out


def main():
    loop()  # compiled before tracing starts
    sys.settrace(tracer)
    r = loop()
    sys.settrace(None)
    print(r)
    for e in events:
        print(e)


main()
main()  # again: the second run goes through code compiled during the first
