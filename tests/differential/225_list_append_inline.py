"""`xs.append(x)` at warm sites, the item's reference moving into the list inline: lists growing past their capacity, list subclasses (with and without their own `append`), lists that die right after the append, other types' `append`, the result used, reference counts of appended items, and appends while the list is being iterated."""

import sys
from collections import deque


class MyList(list):
    pass


class Loud(list):
    def append(self, x):
        super().append(("loud", x))


def fill(xs, n):
    for i in range(n):
        xs.append(i)
    return len(xs), list(xs)[:3], list(xs)[-2:]


def into_new(n):
    count = 0
    for i in range(n):
        [].append(i)       # the only reference is the call's own
        count += 1
    return count


def results(n):
    out = []
    for i in range(n):
        r = out.append(i)
        out.append(r)
    return out[:6]


def refs(n):
    item = object()
    before = sys.getrefcount(item)
    kept = []
    for _ in range(n):
        kept.append(item)
    middle = sys.getrefcount(item) - before
    kept.clear()
    return middle, sys.getrefcount(item) - before


def while_iterating():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        if x < 8:
            xs.append(x + 3)
        seen.append(x)
    return seen


def main():
    print(fill([], 100), fill(MyList(), 20), fill(Loud(), 3), fill(deque(), 5)[:1])
    print(into_new(500), results(4), refs(300), while_iterating())
    for target in ([], MyList(), Loud(), deque(), bytearray()):
        try:
            fill(target, 2)
            print(type(target).__name__, list(target)[:4])
        except TypeError as e:
            print(type(target).__name__, "TypeError:", e)


main()
main()
