"""Identity of results that CPython caches (small ints -5..256, single-character strings, True/False/None, empty tuple/str)."""


def results(a, b):
    s = a + b
    d = a - b
    m = a * b
    q = a // max(b, 1)
    return s, d, m, q


def main():
    probe = [int(str(v)) for v in range(-5, 257)]
    same = 0
    total = 0
    for x in range(-3, 20):
        for y in range(0, 12):
            for r in results(x, y):
                if -5 <= r <= 256:
                    total += 1
                    if r is probe[r + 5]:
                        same += 1
    print("cached results", same, "of", total)
    big = int("1000")
    one = int("1")
    print((big + one) is (big + one), (big - big) is probe[5], (one * 7) is probe[12])
    empty_tuple = ()
    empty_str = ""
    none = None
    true = True
    false = False
    print(tuple([]) is empty_tuple, (1 > 0) is true, (not 1) is false, [].sort() is none, "".join([]) is empty_str)
    s = "ab"
    a = "xa"[1]
    print(s[0] is a, (s * 0) is empty_str, s[1:1] is empty_str, chr(97) is a)
    b = True
    c = b and True
    print(c is true, (b or False) is true, bool(5) is true, (3 == 3) is true, (3 in [4]) is false)


main()
main()  # again: the second run goes through code compiled during the first
