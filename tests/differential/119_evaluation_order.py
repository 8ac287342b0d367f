"""Evaluation order: call arguments, keyword arguments, dict displays, assignment targets, comparison operands, subscripts."""
log = []


def v(tag, value=None):
    log.append(tag)
    return tag if value is None else value


def f(*a, **k):
    return len(a) + len(k)


def main():
    f(v("a1"), v("a2"), k1=v("k1"), *[v("s1")], k2=v("k2"), **{v("dk"): v("dv")})
    print(log)
    log.clear()
    d = {v("k1"): v("v1"), v("k2"): v("v2"), **{v("k3"): v("v3")}}
    print(log, list(d))
    log.clear()
    holder = {}
    target = [0, 0]
    v("rhs", holder)[v("key")] = target[v("idx", 0)] = v("value", 42)
    print(log, holder, target)
    log.clear()
    v("x", 1) < v("y", 2) <= v("z", 3)
    v("p", [1, 2])[v("i", 0):v("j", 1)]
    x = v("c1", 1) if v("cond", True) else v("c2", 2)
    print(log, x)
    log.clear()
    a, b = v("first", 1), v("second", 2)
    (v("obj", holder)["t1"], v("obj2", target)[1]) = (v("r1"), v("r2"))
    print(log, holder, target)
    log.clear()
    v("base", 2) ** v("exp", 3) ** v("exp2", 2)
    -v("neg", 1) + v("add", 2) * v("mul", 3)
    print(log)


main()
main()  # again: the second run goes through code compiled during the first
