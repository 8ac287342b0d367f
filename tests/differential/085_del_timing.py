"""__del__ timing: objects finalized exactly where CPython drops the last reference (rebinding, del, scope exit, containers)."""


class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


def scope_exit():
    r = Res("local")
    print("in function")


def rebinding():
    r = Res("first")
    print("rebinding")
    r = Res("second")
    print("after rebinding")
    del r
    print("after del")


def in_loop():
    for i in range(3):
        r = Res("loop%d" % i)
    print("loop done")


def temporaries():
    print(len(Res("temp").name))
    print("after temp")


def container():
    lst = [Res("a"), Res("b")]
    lst.pop(0)
    print("popped")
    lst.clear()
    print("cleared")


def exception_path():
    try:
        r = Res("in-try")  # noqa: F841
        raise ValueError("x")
    except ValueError:
        print("handling")
    print("after handler")


def returned():
    return Res("returned")


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    scope_exit()
    print("--")
    rebinding()
    print("--")
    in_loop()
    print("--")
    temporaries()
    print("--")
    container()
    print("--")
    exception_path()
    print("--")
    returned()
    print("discarded return value")
    x = returned()
    x = None
    print("end")
