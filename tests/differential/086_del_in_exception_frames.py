"""__del__ and exception tracebacks: objects kept alive by a traceback until the except block ends, then finalized."""
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail():
    n = Noisy("held-by-traceback")  # noqa: F841
    raise RuntimeError("boom")


def main():
    try:
        fail()
    except RuntimeError:
        print("in except")
    print("after except")
    try:
        fail()
    except RuntimeError as e:
        saved = e
    print("saved exception")
    del saved
    print("deleted saved")
    a = Noisy("cycle-a")
    b = Noisy("cycle-b")
    a.other = b
    b.other = a
    del a, b
    print("cycle deleted, collected:", __import__("gc").collect() > 0)
    print(sys.getrefcount(object()) > 0)


main()
main()  # again: the second run goes through code compiled during the first
