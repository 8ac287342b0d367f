"""return/break/continue interacting with finally in loops; finally swallowing exceptions via return; nested finally order."""


def f1():
    out = []
    for i in range(4):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    raise ValueError(i)
                out.append(("body", i))
            finally:
                out.append(("inner finally", i))
        except ValueError:
            out.append(("handled", i))
        finally:
            out.append(("outer finally", i))
    return out


def f2():
    for i in range(3):
        try:
            return "returned %d" % i
        finally:
            if i == 0:
                continue  # noqa: B012 - the finally overrides the return
    return "loop ended"


def f3():
    try:
        raise KeyError("lost")
    finally:
        return "finally return swallowed the KeyError"  # noqa: B012


def f4():
    x = 0
    while True:
        try:
            x += 1
            if x > 3:
                break
        finally:
            x += 10
    return x


def f5():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as e:
        return repr(e), repr(e.__context__)


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for fn in (f1, f2, f3, f4, f5):
        print(fn.__name__, fn())
