"""sys._getframe(): f_code names, f_lineno, f_back chains, f_locals and f_globals from compiled functions."""
import sys


def chain():
    f = sys._getframe()
    out = []
    while f is not None:
        out.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return out


def level2(x):
    marker = x * 2  # noqa: F841
    return chain(), sys._getframe(1).f_code.co_name, sys._getframe(0).f_locals["marker"]


def level1():
    for i in range(3):
        r = level2(i)
    return r


def caller_name():
    return sys._getframe(1).f_code.co_name


def who_calls():
    return caller_name()


def main():
    print(level1())
    print(who_calls(), caller_name())
    f = sys._getframe()
    print(f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_globals is globals())
    try:
        sys._getframe(100)
    except ValueError as e:
        print("ValueError:", e)
    print([sys._getframe(i).f_code.co_name for i in range(2)])


main()
main()  # again: the second run goes through code compiled during the first
