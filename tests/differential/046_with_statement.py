"""with: BEFORE_WITH, normal exit, exception inside, suppression by __exit__, __exit__ raising, nested and multiple managers."""


class CM:
    def __init__(self, name, suppress=False, fail_exit=False):
        self.name = name
        self.suppress = suppress
        self.fail_exit = fail_exit

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        if self.fail_exit:
            raise RuntimeError("exit of %s failed" % self.name)
        return self.suppress


def normal():
    with CM("a") as v:
        print("body", v)
    return "normal done"


def raising():
    with CM("b"):
        raise ValueError("inside b")


def suppressed():
    with CM("c", suppress=True):
        raise ValueError("inside c")
    return "after suppressed"


def nested():
    with CM("outer"), CM("inner", suppress=True) as inner:
        print("got", inner)
        1 / 0
    with CM("x") as x, CM("y") as y:
        return x + y


def exit_fails():
    with CM("d", fail_exit=True):
        raise KeyError("original")


def return_inside(n):
    for i in range(n):
        with CM("loop%d" % i):
            if i == 1:
                return i
            if i == 0:
                continue


def no_enter():
    try:
        with 5:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(normal())
    try:
        raising()
    except ValueError as e:
        print("caught", e)
    print(suppressed())
    print(nested())
    try:
        exit_fails()
    except RuntimeError as e:
        print("caught", e, "context:", repr(e.__context__))
    print(return_inside(3))
    no_enter()
