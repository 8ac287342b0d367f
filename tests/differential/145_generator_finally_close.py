"""Generators abandoned mid-iteration by compiled code: finally/with cleanup on close, GeneratorExit, exceptions in finally."""


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("acquire", self.name)
        return self

    def __exit__(self, *exc):
        print("release", self.name, exc[0].__name__ if exc[0] else None)


def reader(name, n):
    with Resource(name):
        for i in range(n):
            yield i


def bad_cleanup():
    try:
        yield 1
        yield 2
    finally:
        raise RuntimeError("cleanup failed")


def ignores_exit():
    ignored = False
    while True:
        try:
            yield "value"
        except GeneratorExit:
            if ignored:
                print("second GeneratorExit accepted")
                raise
            ignored = True
            print("ignoring GeneratorExit")


def main():
    for x in reader("r1", 10):
        if x == 2:
            break
    print("after break")
    g = reader("r2", 5)
    print(next(g))
    g.close()
    print("after close")
    try:
        for x in reader("r3", 5):
            if x == 1:
                raise ValueError("stop")
    except ValueError as e:
        print("ValueError:", e)
    g2 = bad_cleanup()
    next(g2)
    try:
        g2.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    g3 = ignores_exit()
    next(g3)
    try:
        g3.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    g3.close()
    print("closed for good")


main()
main()  # again: the second run goes through code compiled during the first
