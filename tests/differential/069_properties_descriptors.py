"""Properties (getter/setter/deleter), data and non-data descriptors, __set_name__, __get__ on classes, cached_property."""
import functools


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)

    def __set__(self, obj, value):
        if value < 0:
            raise ValueError("%s must be positive, got %r" % (self.name[1:], value))
        setattr(obj, self.name, value)


class NonData:
    def __get__(self, obj, objtype=None):
        return "computed"


class Item:
    qty = Positive()
    price = Positive()
    tag = NonData()

    def __init__(self):
        self._celsius = 0.0

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, v):
        self._celsius = float(v)

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        self._celsius = None

    @property
    def total(self):
        return self.qty * self.price

    @functools.cached_property
    def expensive(self):
        print("computing expensive")
        return self.qty * 1000


def main():
    it = Item()
    for i in range(10):
        it.qty = i
        it.price = i + 1
    print(it.total, it.qty, type(Item.qty).__name__)
    try:
        it.qty = -1
    except ValueError as e:
        print("ValueError:", e)
    print(it.tag)
    it.tag = "shadowed"
    print(it.tag, Item.tag)
    it.celsius = 5
    print(it.celsius)
    del it.celsius
    print(it.celsius)
    try:
        it.total = 3
    except AttributeError as e:
        print("AttributeError:", e)
    print(it.expensive, it.expensive)


main()
main()  # again: the second run goes through code compiled during the first
