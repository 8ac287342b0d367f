"""Default values and annotations referencing outer names, class-scope names in methods' defaults, lambda defaults in loops."""
X = "global-x"


def outer():
    X = "outer-x"

    def inner(a=X, b=len(X)):
        return a, b

    return inner


class C:
    size = 3

    def method(self, n=size, names=[str(i) for i in range(2)]):
        return n, names


def main():
    print(outer()(), outer()("explicit"))
    print(C().method(), C().method(10))
    handlers = []
    for i in range(3):
        handlers.append(lambda x, i=i, scale=i * 10: x * scale + i)
    print([h(2) for h in handlers])
    y = 1
    f = lambda a=y: a  # noqa: E731
    y = 2
    print(f(), (lambda: y)())


main()
main()  # again: the second run goes through code compiled during the first
