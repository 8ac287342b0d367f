"""Mapping patterns (MATCH_MAPPING/MATCH_KEYS) in a hot loop: events dispatched by keys, **rest captures, duplicate-key errors."""


def dispatch(event):
    match event:
        case {"kind": "click", "x": int(x), "y": int(y)}:
            return ("click", x + y)
        case {"kind": "key", "code": code, **mods} if mods:
            return ("key+mods", code, sorted(mods))
        case {"kind": "key", "code": code}:
            return ("key", code)
        case {"kind": kind}:
            return ("other", kind)
        case {}:
            return ("empty-ish",)
    return ("not a mapping",)


def main():
    events = []
    for i in range(60):
        if i % 4 == 0:
            events.append({"kind": "click", "x": i, "y": i * 2})
        elif i % 4 == 1:
            events.append({"kind": "key", "code": i, "shift": True} if i % 8 == 1 else {"kind": "key", "code": i})
        elif i % 4 == 2:
            events.append({"kind": "scroll"} if i % 3 else {"nokind": 1})
        else:
            events.append(["kind", "list"])
    counts = {}
    total = 0
    for ev in events:
        r = dispatch(ev)
        counts[r[0]] = counts.get(r[0], 0) + 1
        if r[0] == "click":
            total += r[1]
    print(counts, total)
    print(dispatch({"kind": "key", "code": 5, "ctrl": 1, "alt": 2}), dispatch({"kind": "click", "x": "1", "y": 2}))

    class MissingCounts(dict):
        def __missing__(self, key):
            raise AssertionError("__missing__ must not be used by mapping patterns")

    print(dispatch(MissingCounts(kind="key", code=1)))


main()
main()  # again: the second run goes through code compiled during the first
