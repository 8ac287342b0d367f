"""sys.exc_info()/sys.exception() seen inside generators resumed from an except block of a compiled function, and after."""
import sys


def peek():
    while True:
        info = sys.exc_info()[1]
        yield repr(info)


def handler_gen():
    try:
        raise KeyError("inside generator")
    except KeyError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


def main():
    p = peek()
    print(next(p))
    try:
        raise ValueError("outer")
    except ValueError:
        print(next(p))
        h = handler_gen()
        print(next(h))
        print(repr(sys.exc_info()[1]))
    print(next(p), next(h), next(h))
    try:
        raise TypeError("again")
    except TypeError:
        print(repr(sys.exception()))
        try:
            raise IndexError("nested")
        except IndexError:
            print(repr(sys.exception()), repr(sys.exception().__context__))
        print(repr(sys.exception()))
    print(sys.exception())


main()
main()  # again: the second run goes through code compiled during the first
