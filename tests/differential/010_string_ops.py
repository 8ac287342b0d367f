"""String BINARY_OP (+, *, %), comparisons, indexing, and str method calls in a loop."""


def build(n):
    s = ""
    for i in range(n):
        s = s + chr(97 + i % 26)
        if i % 5 == 0:
            s += "-"
    return s


def main():
    s = build(40)
    print(s, len(s))
    print("ab" * 3, 3 * "xy", "%s=%d" % ("x", 5), "%5.2f|%-4s|%x" % (3.14159, "a", 255))
    print("%(a)s and %(b)r" % {"a": 1, "b": "two"})
    print(s.upper()[:10], s.split("-")[:4], "-".join(["a", "b", "c"]))
    print(s.find("xyz"), s.count("-"), s.replace("-", "")[:12], s.startswith("abc"))
    print("  pad  ".strip(), "x".center(7, "*"), "Title case words".title(), "a,b,,c".split(","))
    print("hello"[1], "hello"[-1], "hello"[1:4], "hello"[::-1], "hello"[::2])
    print("abc" < "abd", "Z" < "a", "é".encode("utf-8"), b"xyz".decode())
    print("{} {:>5} {:<5}|".format(1, "r", "l"), "{0}{1}{0}".format("a", "b"))
    print(str.maketrans("abc", "xyz") == str.maketrans("abc", "xyz"), "abcabc".translate(str.maketrans("abc", "xyz")))
    try:
        print("a" + 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("%d" % "x")
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("abc"[10])
    except IndexError as e:
        print("IndexError:", e)
    print("%s %s" % (None, [1, 2]), "%%", "%c" % 65, "%r" % "q")


main()
main()  # again: the second run goes through code compiled during the first
