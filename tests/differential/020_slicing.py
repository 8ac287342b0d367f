"""BUILD_SLICE, slice reads with steps and negatives, slice assignment and deletion, slices on user types."""


class Show:
    def __getitem__(self, k):
        return k


def main():
    s = Show()
    print(s[1:2], s[::3], s[1:2:3], s[:, 1:], s[...])
    a = list(range(20))
    print(a[2:5], a[:3], a[-3:], a[::4], a[::-3], a[15:2:-4], a[100:], a[-100:2])
    b = a[:]
    b[2:5] = ["x"]
    print(b)
    b[::5] = [None] * len(b[::5])
    print(b)
    try:
        b[::2] = [1]
    except ValueError as e:
        print("ValueError:", e)
    del b[1:3]
    del b[::3]
    print(b)
    c = list(range(8))
    c[len(c):] = [8, 9]
    c[:0] = [-1]
    print(c)
    text = "hello world"
    for i in range(0, len(text), 3):
        print(text[i:i + 3], end="|")
    print()
    lo, hi, st = 1, 9, 2
    print(a[lo:hi:st], tuple(a)[lo:hi], "abcdefghij"[lo:hi:st], bytearray(b"abcdef")[lo:-1])
    try:
        print(a[1:2:0])
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(a["x":])
    except TypeError as e:
        print("TypeError:", e)
    print(slice(1, 5, 2).indices(10), a[slice(None, None, -5)])


main()
main()  # again: the second run goes through code compiled during the first
