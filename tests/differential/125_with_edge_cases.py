"""with edge cases: __enter__ raising, __exit__ returning truthy non-bools, generator-based managers suppressing, async-less nesting in loops."""
import contextlib


class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("exit must not run")


class Truthy:
    def __init__(self, ret):
        self.ret = ret

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return self.ret


@contextlib.contextmanager
def swallow(*types):
    try:
        yield
    except types as e:
        print("swallowed", type(e).__name__)


def main():
    try:
        with EnterFails():
            print("never")
    except RuntimeError as e:
        print("RuntimeError:", e)
    for ret in (1, "yes", [], 0, None, [0]):
        try:
            with Truthy(ret):
                raise ValueError("x")
            print(repr(ret), "suppressed")
        except ValueError:
            print(repr(ret), "propagated")
    count = 0
    for i in range(20):
        with swallow(ZeroDivisionError, KeyError):
            if i % 5 == 0:
                1 / 0
            if i % 7 == 0:
                {}[i]
            count += 1
    print(count)
    try:
        with swallow(KeyError):
            raise IndexError("not swallowed")
    except IndexError as e:
        print("IndexError:", e)
    try:
        with Truthy(False) as t, EnterFails():
            pass
    except RuntimeError:
        print("second manager failed, first exit ran", t.ret)


main()
main()  # again: the second run goes through code compiled during the first
