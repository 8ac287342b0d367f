"""Closures: MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, COPY_FREE_VARS, nested three levels, shared cells."""


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


def outer(a):
    b = a * 2

    def middle(c):
        d = c + b

        def inner(e):
            return a + b + c + d + e

        return inner

    return middle


def arg_cell(x):
    def show():
        return x

    x = x + 1
    return show


def main():
    inc, get = counter()
    for i in range(10):
        inc()
    inc(5)
    print(get())
    inc2, get2 = counter()
    inc2(100)
    print(get(), get2())
    print(outer(1)(2)(3), outer(10)(20)(30))
    print(arg_cell(41)())
    fs = [outer(i)(i) for i in range(5)]
    print([f(1) for f in fs])
    print(inc.__closure__[0].cell_contents, inc.__code__.co_freevars, counter.__code__.co_cellvars)


main()
main()  # again: the second run goes through code compiled during the first
