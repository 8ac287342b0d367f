"""A trace function that sets frame.f_lineno (a jump) in a function already compiled: lines skipped or repeated exactly as in CPython."""
import sys


def target():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    out.append(4)
    return out


def make_tracer(from_offset, to_offset):
    first = target.__code__.co_firstlineno
    done = []

    def tracer(frame, event, arg):
        if frame.f_code is not target.__code__:
            return None
        if event == "line" and frame.f_lineno == first + from_offset and not done:
            done.append(True)
            try:
                frame.f_lineno = first + to_offset
            except ValueError as e:
                print("ValueError:", e)
        return tracer

    return tracer


def run(from_offset, to_offset):
    sys.settrace(make_tracer(from_offset, to_offset))
    try:
        return target()
    finally:
        sys.settrace(None)


def main():
    for _ in range(3):
        target()
    print(run(3, 5))  # skip forward over out.append(2) and (3)
    print(run(4, 2))  # jump backwards: repeat out.append(1) .. (3)
    print(run(2, 99))  # invalid line


main()
main()  # again: the second run goes through code compiled during the first
