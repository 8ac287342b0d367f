"""Frame objects kept after their function returned: f_back, f_lineno, f_locals, f_code survive; clear() on running frames fails."""
import sys

saved = []


def inner(x):
    y = x * 2
    saved.append(sys._getframe())
    z = y + 1
    return z


def outer():
    total = 0
    for i in range(3):
        total += inner(i)
    return total


def clear_running():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        return "RuntimeError: %s" % e


def main():
    saved.clear()
    print(outer())
    for f in saved:
        print(f.f_code.co_name, f.f_lineno - inner.__code__.co_firstlineno, sorted(f.f_locals.items()),
              f.f_back.f_code.co_name if f.f_back else None, f.f_back.f_lineno - outer.__code__.co_firstlineno)
    print(clear_running())
    saved[0].clear()
    print(saved[0].f_locals)


main()
main()  # again: the second run goes through code compiled during the first
