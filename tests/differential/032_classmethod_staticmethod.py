"""classmethod, staticmethod, and calls through instances, classes and subclasses."""


class Base:
    count = 0

    @classmethod
    def make(cls, *args):
        cls.count += 1
        return cls(*args)

    @staticmethod
    def helper(x, y=1):
        return x * y

    def __init__(self, v=0):
        self.v = v

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.v)


class Child(Base):
    @classmethod
    def make(cls, *args):
        obj = super().make(*args)
        obj.v += 100
        return obj


def main():
    objs = [Base.make(i) for i in range(3)] + [Child.make(i) for i in range(2)]
    print(objs, Base.count, Child.count)
    b = Base()
    print(b.helper(3), Base.helper(4, y=5), Child.helper(2), b.make(9), type(b).make(8))
    s = 0
    for i in range(100):
        s += Base.helper(i) + b.helper(i, 2)
    print(s)
    print(isinstance(Base.__dict__["helper"], staticmethod), Base.__dict__["make"].__func__.__name__)


main()
main()  # again: the second run goes through code compiled during the first
