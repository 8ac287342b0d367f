"""str.format, %-formatting, format() with specs, Template strings, and the formatting errors."""
import string


def main():
    rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.75)]
    for name, qty, price in rows:
        print("{:<12}{:>4}{:>8.2f}".format(name, qty, price), "%-12s%4d%8.2f" % (name, qty, price))
    print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3 + 4j), "{!r:>6}".format("a"))
    print(format(1234.5678, ",.1f"), format(0.000123, ".2e"), format(255, "#010b"), format("x", "^5"))
    print(string.Template("$who likes $what").substitute(who="tim", what="pie"), "%5.1f%%" % 99.44)
    for bad in ["{", "{0", "{}{}", "{x}"]:
        try:
            print(bad.format(1))
        except (ValueError, IndexError, KeyError) as e:
            print(type(e).__name__ + ":", e)
    try:
        print("%s %s" % (1,))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("%s" % (1, 2))
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
