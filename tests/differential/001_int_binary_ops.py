"""Every BINARY_OP operator on small ints, in a hot loop and with negative operands."""


def ops(a, b):
    out = [a + b, a - b, a * b, a & b, a | b, a ^ b]
    if b:
        out += [a // b, a % b, a / b]
    if 0 <= b < 64:
        out += [a << b, a >> b]
    if b >= 0:
        out.append(a ** b)
    return out


def main():
    total = 0
    for a in range(-7, 8):
        for b in range(-3, 6):
            r = ops(a, b)
            total += sum(int(x) for x in r)
            if a in (-7, 0, 7):
                print(a, b, r)
    print("total", total)


main()
main()  # again: the second run goes through code compiled during the first
