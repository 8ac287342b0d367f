"""RecursionError from runaway __repr__/__eq__ recursion and from recursion inside except handlers, recovered cleanly."""
import sys


class Loop:
    def __repr__(self):
        return "Loop(%r)" % (self,)


class DeepEq:
    def __eq__(self, other):
        return self == other


def handler_recursion(n):
    try:
        raise ValueError(n)
    except ValueError:
        return handler_recursion(n + 1)


def main():
    for label, fn in [("repr", lambda: repr(Loop())), ("eq", lambda: DeepEq() == 1), ("handler", lambda: handler_recursion(0))]:
        try:
            fn()
        except RecursionError as e:
            print(label, "RecursionError:", e)
    print(sys.exc_info()[0], "recovered", sum(range(10)))


main()
main()  # again: the second run goes through code compiled during the first
