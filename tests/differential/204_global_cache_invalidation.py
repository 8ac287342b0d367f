"""Globals and builtins read in hot loops while they are rebound, deleted, shadowed and unshadowed: from the loop itself, from callees, through globals(), exec and a module-level loop that mutates a counter."""
import builtins

FACTOR = 2


def scaled(n):
    return [FACTOR * i for i in range(n)]


def rebinder(value):
    global FACTOR
    FACTOR = value


def loop_rebinding():
    out = []
    for i in range(60):
        out.append(FACTOR)
        if i % 10 == 9:
            rebinder(FACTOR + 1)
    return out


def uses_len(xs):
    return len(xs)


def shadow_builtin():
    out = []
    for i in range(40):
        out.append(uses_len([1, 2, 3]))
        if i == 10:
            globals()["len"] = lambda xs: -1
        if i == 20:
            del globals()["len"]
        if i == 30:
            builtins.len, saved = (lambda xs: 99), builtins.len
    builtins.len = saved
    return out


def missing_global():
    out = []
    for i in range(6):
        try:
            out.append(LATER)  # noqa: F821
        except NameError as e:
            out.append(str(e))
        if i == 2:
            globals()["LATER"] = "now bound"
        if i == 4:
            del globals()["LATER"]
    return out


def many_globals():
    # Grow the globals dict (resizes its table) while reading a global.
    out = []
    for i in range(200):
        globals()["g_%d" % i] = i
        out.append(FACTOR)
    for i in range(200):
        del globals()["g_%d" % i]
    return sum(out)


def other_namespace():
    code = compile("def f():\n    return [X for _ in range(3)]\n", "<ns>", "exec")
    a, b = {"X": "a"}, {"X": "b"}
    exec(code, a)
    exec(code, b)
    return a["f"](), b["f"](), a["f"]()


class Missing(dict):
    def __missing__(self, key):
        return "missing:" + key


def dict_subclass_globals():
    ns = Missing(X=1)
    try:
        exec("def g():\n    return X, Y\nr = g()", ns)
        return ns["r"]
    except NameError as e:
        return "NameError: %s" % e


counter = 0
for _i in range(3000):
    counter += 1
    total = counter * FACTOR

print(scaled(5), loop_rebinding()[::7], shadow_builtin()[::5], missing_global())
print(many_globals(), other_namespace(), dict_subclass_globals(), counter, total)
FACTOR = 2
print(scaled(5), loop_rebinding()[::7], shadow_builtin()[::5], missing_global())
