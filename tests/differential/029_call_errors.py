"""Wrong-argument calls: the exact TypeError messages for missing, extra, duplicate, unexpected and keyword-only arguments."""


def f(a, b):
    return a, b


def kwonly(a, *, b):
    return a, b


def posonly(a, b, /, c):
    return a, b, c


def defaults(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw


class K:
    def m(self, x):
        return x


five, none = 5, None
attempts = [
    ("f(1)", lambda: f(1)),
    ("f(1, 2, 3)", lambda: f(1, 2, 3)),
    ("f(1, b=2, a=3)", lambda: f(1, b=2, a=3)),
    ("f(1, c=2)", lambda: f(1, c=2)),
    ("f()", lambda: f()),
    ("f(b=1)", lambda: f(b=1)),
    ("f(1, 2, b=2)", lambda: f(1, 2, b=2)),
    ("kwonly(1, 2)", lambda: kwonly(1, 2)),
    ("kwonly(1)", lambda: kwonly(1)),
    ("posonly(1, b=2, c=3)", lambda: posonly(1, b=2, c=3)),
    ("posonly(1, 2)", lambda: posonly(1, 2)),
    ("defaults()", lambda: defaults()),
    ("defaults(1)", lambda: defaults(1)),
    ("defaults(1, c=1, b=2, z=5)", lambda: defaults(1, c=1, b=2, z=5)),
    ("defaults(1, 2, 3, 4, c=5)", lambda: defaults(1, 2, 3, 4, c=5)),
    ("K().m()", lambda: K().m()),
    ("K().m(1, 2)", lambda: K().m(1, 2)),
    ("K.m(1)", lambda: K.m(1)),
    ("K().m(x=1, y=2)", lambda: K().m(x=1, y=2)),
    ("len(1, 2)", lambda: len(1, 2)),
    ("len()", lambda: len()),
    ("[].append()", lambda: [].append()),
    ("{}.get()", lambda: {}.get()),
    ("int(x=1)", lambda: int(x=1)),
    ("sorted([], cmp=1)", lambda: sorted([], cmp=1)),
    ("f(*5)", lambda: f(*5)),
    ("f(**5)", lambda: f(**5)),
    ("f(**{1: 2})", lambda: f(**{1: 2})),
    ("f(1, **{'a': 2})", lambda: f(1, **{"a": 2})),
    ("f(**{'a': 1}, **{'a': 2})", lambda: f(**{"a": 1}, **{"a": 2})),
    ("five()", lambda: five()),
    ("none()", lambda: none()),
]
# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for text, fn in attempts:
        try:
            print(text, "->", fn())
        except TypeError as e:
            print(text, "-> TypeError:", e)
    print(defaults(1, c=3), defaults(1, 2, 3, c=4, e=5), posonly(1, 2, c=3), kwonly(1, b=2))
