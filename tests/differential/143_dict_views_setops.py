"""dict views: keys()/items() set operations, view liveness after mutation, views in comparisons and iteration."""


def main():
    a = {"x": 1, "y": 2, "z": 3}
    b = {"y": 2, "z": 30, "w": 4}
    print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b), sorted(a.items() & b.items()))
    print(sorted(a.keys() ^ b.keys()), a.keys() == {"x", "y", "z"}, a.keys() <= {"x", "y", "z", "q"}, "x" in a.keys())
    k = a.keys()
    v = a.values()
    it = a.items()
    a["q"] = 9
    print(list(k), list(v), list(it), len(k))
    del a["x"]
    print(list(k), ("y", 2) in it, ("y", 3) in it, 9 in v)
    print(a.keys().isdisjoint(["nope"]), list(reversed(a.keys())), a.values() == a.values())
    total = 0
    for key, val in a.items():
        total += len(key) * val
    print(total, sorted(a.items() - {("q", 9)}))


main()
main()  # again: the second run goes through code compiled during the first
