"""Raising and catching thousands of exceptions in a hot loop; exception state (sys.exc_info) clean between iterations."""
import sys


class Retry(Exception):
    pass


def attempt(i):
    if i % 3 == 0:
        raise Retry(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


def main():
    ok = retried = missing = 0
    for i in range(20000):
        try:
            ok += attempt(i)
        except Retry as e:
            retried += e.args[0] % 7
        except KeyError:
            missing += 1
        assert sys.exc_info() == (None, None, None)
    print(ok, retried, missing)
    errors = []
    for i in range(5):
        try:
            try:
                attempt(i * 3)
            finally:
                errors.append(sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)
        except Retry:
            errors.append("outer")
    print(errors, sys.exc_info())


main()
main()  # again: the second run goes through code compiled during the first
