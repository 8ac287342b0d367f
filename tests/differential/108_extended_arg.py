"""EXTENDED_ARG: functions with more than 256 constants, locals and names, and jumps longer than 255 code units."""

src = ["def big(x):"]
for i in range(300):
    src.append("    v%d = x + %d" % (i, i * 7 + 1000))
src.append("    total = 0")
src.append("    for i in range(3):")
src.append("        if i == 1:")
for i in range(300):
    src.append("            total += v%d" % i)
src.append("        else:")
src.append("            total -= 1")
src.append("    return total, v299, v0")
code = "\n".join(src)
ns = {}
exec(code, ns)
big = ns["big"]
print(big(1), big(10), big.__code__.co_nlocals)


def many_constants(i):
    table = (0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5)
    s = 0
    s += i * 1001 + i * 1002 + i * 1003 + i * 1004 + i * 1005 + i * 1006 + i * 1007 + i * 1008 + i * 1009
    s += i * 2001 + i * 2002 + i * 2003 + i * 2004 + i * 2005 + i * 2006 + i * 2007 + i * 2008 + i * 2009
    return s, table[i % 10]


print([many_constants(i) for i in range(3)])


def long_jump(n):
    r = 0
    while n > 0:
        n -= 1
        if n % 2:
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
            r += 1; r += 2; r += 3; r += 4; r += 5; r += 6; r += 7; r += 8; r += 9; r += 10  # noqa: E702
        else:
            r -= 1
    return r


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(long_jump(50))
    try:
        big("x")
    except TypeError as e:
        print("TypeError:", e)
