"""Warm call sites calling builtins bound to objects (`lst.pop`, `d.get`, `s.startswith`) through one site for many different objects, switching between bound builtins of different kinds and module functions; and conditions on ints, big ints, None, bools, int subclasses with `__bool__`, and other objects in `if` and `while`."""


class Truthy(int):
    def __bool__(self):
        return not int.__bool__(self)


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def pops(lists):
    out = []
    for lst in lists:
        pop = lst.pop
        out.append(pop())
        out.append(pop(0) if lst else None)
    return out


def mixed_site(callables):
    out = []
    for f in callables:
        try:
            out.append(f(2))
        except Exception as e:
            out.append("%s: %s" % (type(e).__name__, e))
    return out


def insert_pop(n):
    perm = list(range(6))
    ins = perm.insert
    pop = perm.pop
    for i in range(n):
        ins(i % 6, pop(0))
    return perm


def truth(values):
    out = []
    for v in values:
        if v:
            out.append("T")
        else:
            out.append("F")
        k = v
        steps = 0
        while k and steps < 3:
            steps += 1
            k = None if isinstance(k, Sized) else 0
        out.append(steps)
    return "".join(map(str, out))


def countdown(k):
    n = 0
    while k:
        k -= 1
        n += 1
    return n


def main():
    print(pops([[1, 2, 3], [4, 5], [6], list(range(10)), [7, 8]]))
    d = {2: "two"}
    print(mixed_site([[0, 1, 2, 3].pop, d.get, "abc".startswith, abs, [5].count, str, {2: 1}.pop, d.get]))
    print(insert_pop(100))
    print(truth([0, 1, -1, 2**70, -(2**70), 0.0, 0.5, None, True, False, Truthy(0), Truthy(5), "", "x", [], [0], Sized(0), Sized(2)]))
    print(countdown(1000), countdown(0), countdown(2**3))


main()
main()
