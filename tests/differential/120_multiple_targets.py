"""Chained assignment a = b = c with subscripts and attributes, swaps, rotations, star targets in for loops."""


class O:
    pass


def main():
    a = b = c = []
    a.append(1)
    print(a, b, c, a is c)
    o = O()
    d = {}
    o.x = d["k"] = lst = [0]
    print(o.x is d["k"] is lst)
    x, y, z = 1, 2, 3
    x, y, z = z, x, y
    print(x, y, z)
    arr = [5, 4, 3, 2, 1]
    i, arr[i] = 1, 99
    print(i, arr)
    for first, *rest in [(1, 2, 3), (4,), "xyz"]:
        print(first, rest)
    for (k, v), *others in [((1, 2), 3, 4)]:
        print(k, v, others)
    n1, n2 = n3, n4 = (7, 8)
    print(n1, n2, n3, n4)


main()
main()  # again: the second run goes through code compiled during the first
