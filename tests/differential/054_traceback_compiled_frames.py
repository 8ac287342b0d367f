"""Exceptions propagating through several compiled frames: full traceback text, tb_lineno chain and frame names."""
import sys
import traceback


def d(x):
    return 10 // x


def c(x):
    y = x - 1
    return d(y) + 1


def b(x):
    total = 0
    for i in range(3):
        total += c(x - i)
    return total


def a(x):
    return [b(x)]


def main():
    print(a(10))
    try:
        a(3)
    except ZeroDivisionError:
        print(traceback.format_exc())
        tb = sys.exc_info()[2]
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(names)
    try:
        a(2)
    except ZeroDivisionError as e:
        print("".join(traceback.format_exception(type(e), e, e.__traceback__)))
        print([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(e.__traceback__)])


main()
main()  # again: the second run goes through code compiled during the first
