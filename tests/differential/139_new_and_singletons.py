"""__new__ overrides: singletons, immutable subclasses of int/str/tuple, __new__ returning other types (skipping __init__)."""


class Singleton:
    _inst = None

    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst

    def __init__(self, v):
        self.v = v


class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())


class Celsius(float):
    def __new__(cls, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, v)

    def __repr__(self):
        return "%.1fC" % self


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


def main():
    a = Singleton(1)
    b = Singleton(2)
    print(a is b, a.v)
    u = Upper("hello")
    print(u, type(u).__name__, u + "!", u.lower(), isinstance(u, str))
    temps = [Celsius(t) for t in (10, -5.5, 100)]
    print(temps, sum(temps), max(temps))
    try:
        Celsius(-300)
    except ValueError as e:
        print("ValueError:", e)
    p = Pair(1, 2)
    print(p, p.first, len(p), p + (3,))
    print(Other())
    try:
        class BadInit:
            def __init__(self):
                return 5
        BadInit()
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
