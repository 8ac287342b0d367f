"""A bare `raise` in a helper function called from an except block re-raises the exception being handled."""
import sys
import traceback


def reraise():
    raise


def log_and_reraise(tag):
    print("handling in", tag, sys.exc_info()[0].__name__)
    raise


def main():
    for i in range(3):
        try:
            try:
                raise ValueError("attempt %d" % i)
            except ValueError:
                log_and_reraise("main")
        except ValueError as e:
            print("caught again:", e)
    try:
        reraise()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            reraise()
    except ZeroDivisionError:
        print(traceback.format_exc())
    print(sys.exc_info())


main()
main()  # again: the second run goes through code compiled during the first
