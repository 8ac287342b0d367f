"""global and nonlocal declarations across nested functions, including rebinding from inner loops."""
g = "module"


def outer():
    x = "outer"

    def set_nonlocal(v):
        nonlocal x
        x = v

    def set_global(v):
        global g
        g = v

    def read():
        return x, g

    for i in range(3):
        set_nonlocal("outer%d" % i)
        set_global("module%d" % i)
        print(read())
    return read


r = outer()
print(r(), g)


def accumulate():
    total = 0

    def add_all(items):
        nonlocal total
        for it in items:
            total += it

    add_all(range(10))
    add_all([100])
    return total


print(accumulate())
