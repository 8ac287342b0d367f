"""Iterating dicts, keys/values/items views, dict changing size during iteration (RuntimeError)."""


def walk(d):
    out = []
    for k in d:
        out.append(k)
    for v in d.values():
        out.append(v)
    for k, v in d.items():
        out.append((k, v))
    return out


def grow(d):
    try:
        for k in d:
            d[k * 10] = 1
    except RuntimeError as e:
        return "RuntimeError: %s" % e


def shrink_set(s):
    try:
        for x in s:
            s.discard(x)
    except RuntimeError as e:
        return "RuntimeError: %s" % e


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    d = {3: "c", 1: "a", 2: "b"}
    print(walk(d))
    print(grow({1: 1}))
    print(shrink_set({1, 2, 3}))
    inv = {}
    for k, v in d.items():
        inv[v] = k
    print(inv, sorted(inv), list(reversed(d)), list(reversed(d.items())))
    counts = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
