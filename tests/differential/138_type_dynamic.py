"""Dynamic classes with type(), MRO conflicts, __instancecheck__/__subclasscheck__, abstract base classes and their errors."""
import abc


class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0

    def __subclasscheck__(cls, sub):
        return sub is bool


class Even(metaclass=Meta):
    pass


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    def describe(self):
        return "%s area %s" % (type(self).__name__, self.area())


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


def main():
    Dyn = type("Dyn", (object,), {"x": 1, "double": lambda self: self.x * 2})
    d = Dyn()
    print(Dyn.__name__, d.double(), [c.__name__ for c in Dyn.__mro__])
    print(isinstance(4, Even), isinstance(3, Even), isinstance("4", Even), issubclass(bool, Even), issubclass(int, Even))
    print(Sq(3).describe())
    try:
        Shape()
    except TypeError as e:
        print("TypeError:", e)

    class A:
        pass

    class B(A):
        pass

    try:
        type("C", (A, B), {})
    except TypeError as e:
        print("TypeError:", e)
    try:
        type("D", (1,), {})
    except TypeError as e:
        print("TypeError:", e)
    try:
        class E(int, str):
            pass
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
