"""All in-place BINARY_OP forms (+= -= *= /= //= %= **= <<= >>= &= |= ^= @=) on ints, floats, lists, strings."""


class Mat:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, other):
        return Mat(self.v * other.v + 1)

    def __imatmul__(self, other):
        self.v = self.v * 10 + other.v
        return self

    def __repr__(self):
        return "Mat(%r)" % self.v


def run(n):
    x = 3
    y = 2.5
    s = "a"
    lst = [1]
    for i in range(1, n):
        x += i
        x -= 1
        x *= 2
        x //= 3
        x %= 1000003
        x **= 1
        x <<= 2
        x >>= 1
        x &= 0xFFFFF
        x |= 0x10
        x ^= i
        y /= 1.5
        y += i
        s += str(i % 10)
        lst += [i]
        lst *= 1
    m = Mat(2)
    m2 = m
    m @= Mat(3)
    print(m, m2 is m, Mat(4) @ Mat(5))
    t = (1,)
    t2 = t
    t += (2,)
    print(t, t2)
    return x, round(y, 6), s, lst[-5:], len(lst)


print(run(50))
print(run(3))
