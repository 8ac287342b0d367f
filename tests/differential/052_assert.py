"""assert with and without a message (LOAD_ASSERTION_ERROR), message evaluated only on failure, in a loop."""
import traceback

evaluated = []


def msg(i):
    evaluated.append(i)
    return "bad value %d" % i


def check(i):
    assert i >= 0
    assert i < 10, msg(i)
    return i


def main():
    total = 0
    for i in range(10):
        total += check(i)
    print(total, evaluated)
    for bad in (-1, 12):
        try:
            check(bad)
        except AssertionError as e:
            print("AssertionError:", repr(e), e.args)
            print(traceback.format_exc())
    print(evaluated)
    try:
        assert [], ("tuple", "message")
    except AssertionError as e:
        print(e.args)


main()
main()  # again: the second run goes through code compiled during the first
