"""__len__, __iter__, __contains__, __getitem__ raising IndexError to end old-style iteration, __bool__ raising, __eq__ returning non-bool."""


class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items or x == "magic"


class OldSeq:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError("stop at %d" % i)
        return chr(97 + i)


class BoolBoom:
    def __bool__(self):
        raise ValueError("__bool__ exploded")


class WeirdEq:
    def __eq__(self, o):
        return "truthy string"

    def __ne__(self, o):
        return []


class LenBad:
    def __len__(self):
        return "three"


def main():
    b = Bag([3, 1, 2])
    print(len(b), list(b), 2 in b, "magic" in b, 9 in b, sorted(b), bool(b), bool(Bag([])))
    o = OldSeq()
    print(list(o), "c" in o, "z" in o, [x * 2 for x in o], tuple(enumerate(o)))
    for v in [BoolBoom()]:
        for form in ("if", "not", "and", "while"):
            try:
                if form == "if":
                    if v:
                        pass
                elif form == "not":
                    not v
                elif form == "and":
                    v and 1
                else:
                    while v:
                        break
            except ValueError as e:
                print(form, "ValueError:", e)
    w = WeirdEq()
    print(w == 1, w != 1, [w].count(1), w in [1], 1 == w)
    try:
        len(LenBad())
    except TypeError as e:
        print("TypeError:", e)
    try:
        bool(LenBad())
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
