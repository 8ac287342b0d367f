"""and/or value semantics (JUMP_IF_*_OR_POP), not, conditional expressions, side effects skipped by short-circuit."""
calls = []


def t(v):
    calls.append(v)
    return v


def main():
    print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or [] or None, "a" and "b" and "c", None and 1)
    print(t(0) and t(1), t(1) or t(2), t([]) or t(0) or t("last"), calls)
    calls.clear()
    x = t(1) and t(0) or t(3)
    print(x, calls)
    vals = []
    for i in range(10):
        vals.append(i % 2 == 0 and "even" or "odd")
        vals.append("big" if i > 6 else "mid" if i > 3 else "small")
        vals.append(not i)
    print(vals)
    a = None
    b = a or {}
    c = a if a is not None else "default"
    print(b, c, (a is None) and "none", not None, not [], not [0])


main()
main()  # again: the second run goes through code compiled during the first
