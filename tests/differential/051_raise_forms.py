"""raise with a class, an instance, a non-exception (TypeError), raise X from Y with classes, exception args and str/repr."""


class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code

    def __str__(self):
        return "[%d] %s" % (self.code, self.args[1])


def attempt(kind):
    if kind == 0:
        raise ValueError
    if kind == 1:
        raise ValueError("with message", 2)
    if kind == 2:
        raise MyError(404, "not found")
    if kind == 3:
        raise 42
    if kind == 4:
        raise KeyError from OSError
    if kind == 5:
        raise Exception().with_traceback(None)
    if kind == 6:
        raise StopIteration(7)
    if kind == 7:
        class NotExc:
            pass
        raise NotExc
    if kind == 8:
        raise SystemExit(3)


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for k in range(9):
        try:
            attempt(k)
        except BaseException as e:
            print(k, type(e).__name__, repr(e), str(e), e.args, repr(e.__cause__))
    try:
        raise
    except RuntimeError as e:
        print("RuntimeError:", e)
