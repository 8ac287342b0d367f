"""Recursion through methods, mutual recursion, recursion through __repr__ and __eq__ of nested structures."""


class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def total(self):
        return self.value + sum(c.total() for c in self.children)

    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)

    def __repr__(self):
        if not self.children:
            return "T(%r)" % self.value
        return "T(%r, %r)" % (self.value, self.children)

    def __eq__(self, other):
        return self.value == other.value and self.children == other.children


def build(n):
    if n == 0:
        return Tree(0)
    return Tree(n, [build(n - 1), build(n // 2)])


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def main():
    t = build(8)
    print(t.total(), t.depth(), build(3))
    print(build(6) == build(6), build(6) == build(5))
    print(is_even(100), is_odd(77), is_even(7))
    lst = [1]
    lst.append(lst)
    d = {"self": None}
    d["self"] = d
    print(lst, d)


main()
main()  # again: the second run goes through code compiled during the first
