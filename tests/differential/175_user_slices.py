"""User containers receiving slice objects in __getitem__/__setitem__/__delitem__, slice.indices, negative steps."""


class Rope:
    def __init__(self, s):
        self.chunks = list(s)

    def __len__(self):
        return len(self.chunks)

    def __getitem__(self, k):
        if isinstance(k, slice):
            start, stop, step = k.indices(len(self))
            return Rope("".join(self.chunks[i] for i in range(start, stop, step)))
        return self.chunks[k]

    def __setitem__(self, k, v):
        if isinstance(k, slice):
            self.chunks[k] = list(v)
        else:
            self.chunks[k] = v

    def __delitem__(self, k):
        del self.chunks[k]

    def __str__(self):
        return "".join(self.chunks)


def main():
    r = Rope("hello, world")
    print(r[0], r[-1], str(r[0:5]), str(r[::-1]), str(r[::3]), str(r[-5:]), str(r[100:]))
    r[0:5] = "HOWDY"
    r[-1] = "D"
    del r[5:7]
    print(str(r), len(r))
    out = []
    for i in range(len(r)):
        out.append(str(r[i:i + 2]))
    print(out)
    try:
        r[1:2:0]
    except ValueError as e:
        print("ValueError:", e)
    try:
        r[50]
    except IndexError as e:
        print("IndexError:", e)


main()
main()  # again: the second run goes through code compiled during the first
