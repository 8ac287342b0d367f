"""__del__ raising: the exception goes to sys.unraisablehook (with its traceback through __del__), from compiled code."""
import sys
import traceback


def report(unraisable):
    # The default hook prints the object's repr, which contains an address.
    print("Exception ignored in:", unraisable.object.__qualname__, file=sys.stderr)
    traceback.print_exception(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback)


sys.unraisablehook = report


class Bad:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        raise ValueError("failure in __del__ of %s" % self.tag)

    def __repr__(self):
        return "<Bad %s>" % self.tag


def make_and_drop():
    b = Bad("local")
    print("created", b)


def main():
    make_and_drop()
    print("after report")
    seen = []

    def hook(unraisable):
        seen.append((type(unraisable.exc_value).__name__, str(unraisable.exc_value), unraisable.object.__qualname__,
                     unraisable.exc_traceback.tb_frame.f_code.co_name))

    sys.unraisablehook = hook
    for i in range(3):
        Bad("loop%d" % i)
    sys.unraisablehook = report
    print(seen)
    x = Bad("module-end")  # noqa: F841
    del x
    print("end")


main()
main()  # again: the second run goes through code compiled during the first
