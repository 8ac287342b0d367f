"""StopIteration subtleties: StopIteration raised inside a generator becomes RuntimeError; next() defaults; exhausting shared iterators."""


def bad_gen():
    yield 1
    raise StopIteration("inside")


def pairs(it):
    it = iter(it)
    out = []
    for a in it:
        b = next(it, None)
        out.append((a, b))
    return out


def main():
    try:
        print(list(bad_gen()))
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__))
    print(pairs(range(7)))

    def stopper():
        raise StopIteration("plain function")

    try:
        stopper()
    except StopIteration as e:
        print("StopIteration:", e)
    it = iter([1, 2, 3])
    print([x for x in it if x != 2], list(it))


main()
main()  # again: the second run goes through code compiled during the first
