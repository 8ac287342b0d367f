"""Chained exceptions printed by the interpreter at exit: "During handling ..." and "The above exception was the direct cause ..."."""


def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("cannot parse %r" % s) from e


def load(items):
    results = []
    for it in items:
        try:
            results.append(parse(it))
        except RuntimeError:
            results.append(None)
            if it == "fatal":
                raise LookupError("giving up on %s" % it)
    return results


print(load(["1", "x", "3"]))
print(load(["4", "fatal"]))
