"""match sequence patterns (MATCH_SEQUENCE, GET_LEN, UNPACK_EX): fixed length, star captures, nesting, strings are not sequences."""


def describe(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y] if x == y:
            return "pair of equals"
        case [int(), int()] as both:
            return "two ints %r" % (both,)
        case [first, *_, last] if first == last:
            return "bookends %r" % (first,)
        case [0, *rest]:
            return "starts with zero, rest %r" % (rest,)
        case [[a, b], [c, d]]:
            return "matrix %r" % ([a, b, c, d],)
        case (1, 2, *mid, 9):
            return "mid %r" % (mid,)
        case [*all_items]:
            return "any sequence of %d" % len(all_items)
        case _:
            return "not a sequence: %s" % type(seq).__name__


for s in [[], [5], (7, 7), [1, 2], [3, 4, 5, 3], [0, 1, 2], [[1, 2], [3, 4]], (1, 2, 3, 4, 9), [1, 2, 3],
          "abc", b"ab", range(3), {1: 2}, 5, iter([1]), bytearray(b"x")]:
    print(repr(s) if not hasattr(s, "__next__") else "iterator", "->", describe(s))
