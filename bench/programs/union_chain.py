"""union chain: sum a 101-node linked list whose ``next`` is a Node or None."""


class Node:
    def __init__(self, next, val):
        self.next = next
        self.val = val


def build():
    # Values from head to tail: 0, then (i + 2) * 5 for i in 0..99.
    n = None
    for i in reversed(range(100)):
        n = Node(n, (i + 2) * 5)
    return Node(n, 0)


def total(n):
    s = 0
    while n is not None:
        s += n.val
        n = n.next
    return s


HEAD = build()
CALLS = 400_000


def run(n):
    s = 0
    for _ in range(n):
        s = total(HEAD)
    if s != 25750:
        raise AssertionError("union chain sum = %r, expected 25750" % (s,))
    return s


ITEMS = {"union_chain": (run, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
