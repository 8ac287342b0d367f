"""Bit manipulation hot loops: popcount, bit reversal, masks, xorshift PRNG (deterministic), Gray codes."""


def popcount(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c


def reverse_bits(x, width=16):
    r = 0
    for _ in range(width):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r


def xorshift(seed, n):
    x = seed
    out = []
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out.append(x)
    return out


def main():
    print([popcount(i) for i in range(20)], popcount(2**100 - 1), sum(popcount(i) for i in range(4096)))
    print([reverse_bits(i) for i in (1, 2, 0x8000, 0x1234)])
    print(xorshift(2463534242, 6))
    gray = [i ^ (i >> 1) for i in range(16)]
    print(gray, all(popcount(a ^ b) == 1 for a, b in zip(gray, gray[1:])))
    print(~0 & 0xFF, -1 & 0xFFFF, (-17) | 3, (-17) & -4, (-17) ^ 5, 0xF0 >> 4 << 4)


main()
main()  # again: the second run goes through code compiled during the first
