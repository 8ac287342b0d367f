"""diojit's own API: @diojit.nojit on functions, methods, staticmethods and classmethods changes nothing observable."""
import diojit


@diojit.nojit
def interpreted(n):
    return sum(i * i for i in range(n))


def compiled(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


class K:
    @diojit.nojit
    def method(self, x):
        return x + 1

    @diojit.nojit
    @staticmethod
    def static(x):
        return x * 2

    @diojit.nojit
    @classmethod
    def cls(cls, x):
        return cls.__name__ + str(x)


def main():
    for n in (0, 1, 10, 100):
        print(n, interpreted(n), compiled(n), interpreted(n) == compiled(n))
    k = K()
    print(k.method(1), K.static(2), K.cls(3), interpreted.__name__)
    try:
        diojit.nojit(len)
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
