"""NameError, UnboundLocalError and free-variable errors: exact messages, raised from compiled code."""


def missing_global():
    return undefined_thing + 1  # noqa: F821


def unbound_local(flag):
    if flag:
        x = 1
    return x


def unbound_after_del():
    y = 5
    del y
    return y


def free_unbound():
    def inner():
        return z

    r = inner
    try:
        return r()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    z = 3
    return r()


def misspelled():
    return lenn([1])  # noqa: F821


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for fn, args in [(missing_global, ()), (unbound_local, (False,)), (unbound_local, (True,)),
                     (unbound_after_del, ()), (free_unbound, ()), (misspelled, ())]:
        try:
            print(fn.__name__, fn(*args))
        except NameError as e:
            print(fn.__name__, type(e).__name__ + ":", e)
    try:
        print(not_defined_at_module)  # noqa: F821
    except NameError as e:
        print(type(e).__name__ + ":", e)
