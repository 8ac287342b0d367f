"""Compiled functions calling compiled functions directly: frames, tracebacks, defaults, keyword and wrong-arity calls, __code__ and __defaults__ replaced between calls, frame objects that outlive their call."""
import sys
import traceback


def leaf(a, b):
    return a * 10 + b


def caller_name():
    return sys._getframe(1).f_code.co_name


def middle(x):
    return caller_name() + ":" + str(leaf(x, 1))


def chain():
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 4:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def via_chain():
    return chain()


def raiser(n):
    if n == 0:
        raise ValueError("bottom")
    return raiser(n - 1) + 1


def keep_frame(x):
    return sys._getframe(), x + 1


def defaults(a, b=2, *, c=3):
    return (a, b, c)


def two(a, b):
    return a - b


def other_code(a, b):
    return a + b


def main():
    for i in range(3):
        print(middle(i), via_chain())
    try:
        raiser(3)
    except ValueError:
        lines = traceback.format_exc().splitlines()
        print(len(lines), lines[-1])
        print([l.strip() for l in lines if l.strip().startswith("File")][-2:] and "frames ok")
    fr, v = keep_frame(1)
    print(v, fr.f_code.co_name, fr.f_lineno, sorted(fr.f_locals))
    print(defaults(1), defaults(1, 5), defaults(1, c=9), defaults(a=4))
    for args in [(1,), (1, 2, 3), ()]:
        try:
            two(*args)
        except TypeError as e:
            print("TypeError:", e)
    try:
        two(1, c=2)
    except TypeError as e:
        print("TypeError:", e)
    print([two(i, 1) for i in range(4)])
    saved = two.__code__
    two.__code__ = other_code.__code__
    print([two(i, 1) for i in range(4)])
    two.__code__ = saved
    print([two(i, 1) for i in range(4)])
    defaults.__defaults__ = (20,)
    defaults.__kwdefaults__ = {"c": 30}
    print(defaults(1), defaults(1, 5))
    total = 0
    for i in range(2000):
        total += leaf(i, i % 7)
    print(total)


main()
main()
