"""Assignment expressions in while/if/comprehensions and conditional expressions chained and nested."""
import re


def main():
    data = [3, 8, 1, 9, 4]
    it = iter(data)
    out = []
    while (v := next(it, None)) is not None:
        out.append(v * 2)
    print(out)
    if (n := len(data)) > 3:
        print("long", n)
    print([m.group(0) for s in ["a1", "b", "c22"] if (m := re.search(r"\d+", s))])
    total = 0
    for i in range(20):
        total += (i if i % 3 else -i) if i < 15 else (0 if i % 2 else 100)
    print(total)

    def classify(x):
        return "neg" if x < 0 else "zero" if x == 0 else "pos"

    print([classify(x) for x in (-2, 0, 5)], (y := 10) + y)


main()
main()  # again: the second run goes through code compiled during the first
