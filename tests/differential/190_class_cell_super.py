"""__class__ cell: implicit __class__ in methods, __classcell__ handling by metaclasses, super() in unusual places."""


class Base:
    def name(self):
        return "Base"


class Child(Base):
    def name(self):
        return "Child>" + super().name()

    def cls_ref(self):
        return __class__.__name__

    def in_comprehension(self):
        try:
            return [super().name() for _ in range(1)]
        except (RuntimeError, TypeError) as e:
            return type(e).__name__ + ": " + str(e)

    def in_lambda(self):
        try:
            return (lambda: super().name())()
        except RuntimeError as e:
            return "RuntimeError: " + str(e)


class GrandChild(Child):
    pass


class DropsCell(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)


def main():
    g = GrandChild()
    print(g.name(), g.cls_ref(), g.in_comprehension(), g.in_lambda())
    try:
        class Broken(Base, metaclass=DropsCell):
            def name(self):
                return super().name()
    except RuntimeError as e:
        print("RuntimeError:", e)
    Orig = Child

    class Child2(Orig):
        def name(self):
            return "Child2>" + super().name()

    print(Child2().name(), [c.__name__ for c in Child2.__mro__])


main()
main()  # again: the second run goes through code compiled during the first
