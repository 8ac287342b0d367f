"""Maximum recursion depth at several recursion limits (the exact depth reached), through plain calls, methods and C callbacks."""
import functools
import sys


def plain(n, box):
    box[0] = n
    plain(n + 1, box)


class Walker:
    def step(self, n, box):
        box[0] = n
        self.step(n + 1, box)


def via_callback(n, box):
    box[0] = n
    return sorted([1, 2], key=lambda x: via_callback(n + 1, box))


def via_partial(n, box):
    box[0] = n
    functools.partial(via_partial, n + 1, box)()


def measure(fn, *args):
    box = [0]
    try:
        fn(*args, 0, box)
    except RecursionError:
        pass
    return box[0]


def main():
    original = sys.getrecursionlimit()
    for limit in (50, 120, 400):
        sys.setrecursionlimit(limit)
        print(limit, measure(plain), measure(Walker().step), measure(via_callback), measure(via_partial))
    sys.setrecursionlimit(original)
    try:
        sys.setrecursionlimit(1)
    except RecursionError as e:
        print("RecursionError:", e)
    print(sys.getrecursionlimit() == original)


main()
main()  # again: the second run goes through code compiled during the first
