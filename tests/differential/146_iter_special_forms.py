"""iter(callable, sentinel), __reversed__, __length_hint__, __iter__ implemented as a generator method, iterator exhaustion reuse."""
import operator


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        for c in self.cards:
            yield c

    def __reversed__(self):
        print("custom __reversed__")
        return iter(self.cards[::-1])


class Hint:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration

    def __length_hint__(self):
        return 42


def main():
    vals = iter([5, 4, 3, 0, 9])
    print(list(iter(lambda: next(vals), 0)), list(vals))
    counter = [0]

    def tick():
        counter[0] += 1
        return counter[0]

    print(list(iter(tick, 5)))
    d = Deck(["A", "K", "Q"])
    print(list(d), list(reversed(d)), [c + c for c in d], "K" in d)
    print(operator.length_hint(Hint()), operator.length_hint(iter([1, 2, 3])), list(Hint()))
    it = iter(d)
    print(next(it), list(it), list(it))
    try:
        reversed(iter([1]))
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
