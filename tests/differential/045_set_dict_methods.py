"""int/str/list/dict/set method calls: the common methods and their results, in loops."""


def main():
    lst = [5, 3, 8, 1]
    lst.append(7)
    lst.extend([2, 2])
    lst.insert(1, 9)
    lst.remove(2)
    print(lst, lst.pop(), lst.pop(0), lst.index(8), lst.count(2))
    lst.sort()
    lst.reverse()
    print(lst, lst.copy() == lst, lst.copy() is lst)
    lst.clear()
    print(lst)
    d = dict(a=1, b=2)
    d.update(c=3)
    d.update({"d": 4})
    print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.pop("a"), d.pop("zz", "none"))
    print(list(d.keys()), list(d.values()), list(d.items()), d.popitem(), len(d))
    print(dict.fromkeys([1, 2], 0), {1: 2} | {3: 4}, {1: 1} == {1: 1.0})
    s = {1, 2, 3}
    s.add(4)
    s.discard(10)
    s.remove(1)
    print(sorted(s), sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}), sorted(s ^ {3, 7}), s <= {2, 3, 4, 5})
    print(s.issubset(range(10)), s.isdisjoint({100}), sorted(s.union([0])), sorted(s.intersection([2])))
    try:
        s.remove(99)
    except KeyError as e:
        print("KeyError:", e)
    try:
        [].pop()
    except IndexError as e:
        print("IndexError:", e)
    try:
        [1].index(5)
    except ValueError as e:
        print("ValueError:", e)
    try:
        {}.popitem()
    except KeyError as e:
        print("KeyError:", e)
    n = 255
    print(n.bit_length(), n.to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (3.5).as_integer_ratio(),
          (10).__add__(5), n.conjugate(), (7).bit_count())
    words = "The quick brown fox".split()
    acc = []
    for w in words:
        acc.append(w.lower().capitalize().rjust(7, ".") + w.swapcase())
    print(acc, "x".isalpha(), "12".isdigit(), " ".isspace(), "ab".islower(), "a b".partition(" "))


main()
main()  # again: the second run goes through code compiled during the first
