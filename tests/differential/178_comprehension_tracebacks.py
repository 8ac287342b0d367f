"""Exceptions inside comprehensions, generator expressions and lambdas: traceback frames (<listcomp>, <genexpr>, <lambda>) and lines."""
import traceback


def inv(x):
    return 1 / x


def in_listcomp(xs):
    return [inv(x) for x in xs]


def in_genexpr(xs):
    return sum(inv(x) for x in xs)


def in_dictcomp(xs):
    return {x: inv(x) for x in xs}


def in_lambda(xs):
    return list(map(lambda x: inv(x), xs))


def in_nested(xs):
    return [[inv(x - y) for y in range(2)] for x in xs]


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for fn in (in_listcomp, in_genexpr, in_dictcomp, in_lambda, in_nested):
        try:
            fn([3, 2, 1, 0])
        except ZeroDivisionError:
            print(traceback.format_exc())
