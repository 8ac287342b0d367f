"""match mapping patterns (MATCH_MAPPING, MATCH_KEYS): required keys, **rest, nested values, non-dict mappings."""
import collections


def route(msg):
    match msg:
        case {"type": "point", "x": x, "y": y}:
            return "point %s,%s" % (x, y)
        case {"type": "user", "name": str(name), **rest} if rest:
            return "user %s with %s" % (name, sorted(rest))
        case {"type": "user", "name": name}:
            return "bare user %s" % name
        case {"items": [first, *_]}:
            return "items starting %r" % (first,)
        case {}:
            return "some mapping with %d keys" % len(msg)
        case _:
            return "not a mapping"


msgs = [
    {"type": "point", "x": 1, "y": 2, "z": 3},
    {"type": "user", "name": "ann", "age": 5},
    {"type": "user", "name": "bob"},
    {"type": "user", "name": 7},
    {"items": [9, 8]},
    {"items": []},
    {},
    collections.OrderedDict(type="point", x=0, y=0),
    collections.defaultdict(int, {"items": ["d"]}),
    [("type", "point")],
    "type",
]
for m in msgs:
    print(route(m))
