"""Generators created and consumed by compiled functions: pipelines, generator expressions capturing locals, early exit with finally."""


def numbers(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("numbers(%d) finalized" % n)


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def pipeline(n):
    return sum(squares(evens(numbers(n))))


def first_big(limit):
    for v in squares(numbers(100)):
        if v > limit:
            return v


def main():
    print(pipeline(10))
    print(first_big(50))
    print("after first_big")
    k = 3
    g = (x * k for x in range(5))
    k = 100
    print(list(g))
    gens = [(i * j for j in range(3)) for i in range(3)]
    print([list(gg) for gg in gens])
    g2 = numbers(5)
    print(next(g2), next(g2))
    del g2
    print("after del")


main()
main()  # again: the second run goes through code compiled during the first
