"""sys.setprofile seeing c_exception events from builtins that raise, and profiler installed by a compiled function for its callers."""
import sys

events = []


def prof(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, arg.__name__))
    elif frame.f_code.co_filename == __file__:
        events.append((event, frame.f_code.co_name))


def failing_builtins():
    out = []
    for s in ("1", "x", "3"):
        try:
            out.append(int(s))
        except ValueError:
            out.append(None)
        try:
            out.append(divmod(10, int(s)))
        except ValueError:
            pass
    try:
        [].pop()
    except IndexError:
        pass
    return out


def start():
    sys.setprofile(prof)


def main():
    failing_builtins()
    start()
    r = failing_builtins()
    sys.setprofile(None)
    print(r)
    for e in events:
        print(e)


main()
main()  # again: the second run goes through code compiled during the first
