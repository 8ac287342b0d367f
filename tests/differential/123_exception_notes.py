"""Exception notes (add_note, __notes__) shown in tracebacks, BaseException attributes, with_traceback, args mutation."""
import traceback


def risky(i):
    try:
        return 10 / (i - 2)
    except ZeroDivisionError as e:
        e.add_note("while processing item %d" % i)
        e.add_note("second note")
        raise


def main():
    for i in range(4):
        try:
            print(risky(i))
        except ZeroDivisionError as e:
            print(e.__notes__)
            print("".join(traceback.format_exception(e)))
    e = ValueError("a", "b")
    e.args = ("changed",)
    print(repr(e), str(e))
    try:
        e.add_note(5)
    except TypeError as err:
        print("TypeError:", err)
    print(str(KeyError("k")), str(KeyError()), repr(OSError(2, "No such file")), OSError(2, "x").errno)
    print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))


main()
risky(2)
