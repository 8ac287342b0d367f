"""Class bodies reading enclosing function variables (LOAD_CLASSDEREF), class-level names shadowing them."""


def make(x):
    y = "fn-y"

    class C:
        a = x
        y = "class-y"
        b = y

        def method(self):
            return x, y

    return C


def make_shadow():
    v = 1

    class D:
        try:
            nonlocal_view = v  # assigned below, so a class-local name: not found
        except NameError as e:
            nonlocal_view = "NameError: %s" % e
        v = 2
        after = v

    class D2:
        seen = v  # free variable of the class body: LOAD_CLASSDEREF

    D.fn_v = D2.seen

    return D


def make_comp(n):
    class E:
        vals = [n * i for i in range(3)]

    return E


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    C = make(10)
    print(C.a, C.b, C.y, C().method())
    D = make_shadow()
    print(D.nonlocal_view, D.after, D.v, D.fn_v)
    print(make_comp(7).vals)


    def late_binding():
        z = 1

        class F:
            def get(self):
                return z

            seen = z

        z = 2
        return F


    F = late_binding()
    print(F.seen, F().get())
