"""Keyword-only and positional-only parameters, **kwargs receiving names equal to positional-only parameters."""


def po(a, b, /, c=3, *, d, **kw):
    return a, b, c, d, sorted(kw.items())


def kw_defaults(*, x=1, y=[]):
    y.append(x)
    return list(y)


def main():
    print(po(1, 2, d=4), po(1, 2, 5, d=6, a="kw-a", b="kw-b"), po(1, 2, c=9, d=0, e=1))
    print(kw_defaults(), kw_defaults(x=2), kw_defaults(y=[0]))
    print(po.__code__.co_posonlyargcount, po.__code__.co_kwonlyargcount, po.__kwdefaults__, po.__defaults__)
    for i in range(3):
        print(po(i, i + 1, d=i * 2))


main()
main()  # again: the second run goes through code compiled during the first
