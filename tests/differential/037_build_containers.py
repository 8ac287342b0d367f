"""BUILD_TUPLE/LIST/SET/MAP/CONST_KEY_MAP, LIST_EXTEND/SET_UPDATE/DICT_UPDATE/LIST_TO_TUPLE via star-unpacking in literals."""


def build(a, b, c):
    t = (a, b, c)
    lst = [a, b, c]
    s = {a, b, c}
    d = {"x": a, "y": b}
    dv = {a: "a", b: "b"}
    empty = ([], {}, (), set())
    star_list = [*lst, *t, 0]
    star_tuple = (*lst, *range(2))
    star_set = {*lst, *t, 99}
    merged = {**d, "z": c, **{"x": "override"}}
    long_list = [1, 2, 3, 4, 5, 6, 7, 8]
    const_tuple = (1, "two", 3.0, None)
    return t, lst, sorted(s), d, dv, empty, star_list, star_tuple, sorted(star_set), merged, long_list, const_tuple


def main():
    for i in range(3):
        print(build(i, i + 1, i + 2))
    try:
        {**[1, 2]}
    except TypeError as e:
        print("TypeError:", e)
    try:
        [*5]
    except TypeError as e:
        print("TypeError:", e)
    try:
        {[1]: 2}
    except TypeError as e:
        print("TypeError:", e)
    try:
        {[1], 2}
    except TypeError as e:
        print("TypeError:", e)
    big = {"k%d" % i: i for i in range(3)}
    print({**big, **big}, [*big], (*big.values(),), {*()}, [*"abc", *b"ab"])


main()
main()  # again: the second run goes through code compiled during the first
