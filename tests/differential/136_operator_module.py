"""operator module functions (attrgetter, itemgetter, methodcaller, add, iadd, contains, index) used as callbacks."""
import operator


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    def greet(self, greeting="hi"):
        return "%s %s" % (greeting, self.name)


def main():
    people = [P("ann", 31), P("bob", 25), P("cy", 31)]
    print([p.name for p in sorted(people, key=operator.attrgetter("age", "name"))])
    print(list(map(operator.methodcaller("greet", greeting="yo"), people)))
    rows = [(1, "b"), (0, "a"), (1, "a")]
    print(sorted(rows, key=operator.itemgetter(1, 0)), operator.itemgetter(0, -1)("xyz"))
    print(operator.add(2, 3), operator.mul("a", 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.neg(5))
    lst = [1]
    print(operator.iadd(lst, [2]), lst, operator.contains([1, 2], 2), operator.index(7), operator.not_(0))
    print(operator.lt(1, 2), operator.is_(None, None), operator.getitem({"k": 1}, "k"), operator.concat([1], [2]))
    acc = 0
    ops = [operator.add, operator.sub, operator.mul, operator.mod, operator.pow, operator.xor, operator.lshift]
    for i in range(1, 50):
        acc = ops[i % len(ops)](acc, i % 5 + 1) % 100003
    print(acc)
    try:
        operator.index(1.5)
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
