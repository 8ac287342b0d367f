"""locals(), vars(), and dir() inside compiled functions and class bodies; locals() after deletions and in loops."""


def f(a, b=2):
    c = a + b
    snap1 = dict(locals())
    del c
    snap2 = sorted(locals())
    for i in range(3):
        pass
    snap3 = {k: v for k, v in locals().items() if k != "snap1" and k != "snap2"}
    return snap1, snap2, snap3


def closure():
    x = 1

    def inner():
        y = x + 1
        return locals()

    return inner()


class K:
    p = 1
    q = sorted(k for k in locals() if not k.startswith("__"))


def dir_inside():
    alpha = 1  # noqa: F841
    beta = 2  # noqa: F841
    return dir()


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(f(1))
    print(closure(), K.q, dir_inside(), sorted(vars(K))[:3])
