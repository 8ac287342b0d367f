"""Method calls (LOAD_METHOD), bound methods stored and called later, methods replaced on instances, unbound calls via the class."""


class Acc:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return self

    def total(self):
        return sum(self.items)


def main():
    a = Acc()
    for i in range(50):
        a.add(i)
    print(a.total())
    add = a.add
    for i in range(5):
        add(1000)
    print(a.total(), add.__self__ is a, add.__func__ is Acc.add)
    Acc.add(a, 7)
    print(a.total())
    a.add = lambda x: "instance attr %s" % x
    print(a.add(3))
    del a.add
    print(a.add(1).total())
    Acc.total = lambda self: -1
    print(a.total())
    m = [3, 1, 2].sort
    print(m(), "abc".upper(), (1).bit_length(), {}.setdefault("k", []).append(1))
    f = str.split
    print(f("a b c"), f("a-b", "-"))


main()
main()  # again: the second run goes through code compiled during the first
