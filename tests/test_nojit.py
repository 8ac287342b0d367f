"""@diojit.nojit on every kind of function."""

import pytest

import diojit


def test_returns_the_same_function_object():
    def f():
        return 1

    assert diojit.nojit(f) is f


def test_opted_out_function_is_never_profiled(jit):
    diojit.enable(threshold=1)

    @diojit.nojit
    def f(x):
        return x * 2

    before = diojit.stats()
    assert [f(i) for i in range(5)] == [0, 2, 4, 6, 8]
    after = diojit.stats()
    info = diojit.info(f)
    assert info["state"] == "opted_out"
    assert info["calls"] == 0
    assert after["passed_through"] - before["passed_through"] >= 5


def test_opting_out_is_counted_once(jit):
    before = diojit.stats()["opted_out"]

    def f():
        pass

    diojit.nojit(f)
    diojit.nojit(f)
    assert diojit.stats()["opted_out"] - before == 1


def test_works_before_enable():
    @diojit.nojit
    def f():
        return 7

    diojit.enable(threshold=1)
    try:
        assert f() == 7
        assert diojit.info(f)["state"] == "opted_out"
    finally:
        diojit.disable()


def test_methods_staticmethods_classmethods_in_both_decorator_orders(jit):
    class C:
        @diojit.nojit
        def method(self):
            return "m"

        @staticmethod
        @diojit.nojit
        def static_inner():
            return "s1"

        @diojit.nojit
        @staticmethod
        def static_outer():
            return "s2"

        @classmethod
        @diojit.nojit
        def class_inner(cls):
            return cls.__name__

        @diojit.nojit
        @classmethod
        def class_outer(cls):
            return cls.__name__

    c = C()
    assert isinstance(C.__dict__["static_outer"], staticmethod)
    assert isinstance(C.__dict__["class_outer"], classmethod)
    for _ in range(3):
        assert c.method() == "m"
        assert C.static_inner() == "s1"
        assert C.static_outer() == "s2"
        assert C.class_inner() == "C"
        assert c.class_outer() == "C"
    for name in ["method", "static_inner", "static_outer", "class_inner", "class_outer"]:
        info = diojit.info(getattr(C, name))
        assert info["state"] == "opted_out", name
        assert info["calls"] == 0, name


def test_bound_method_opts_out_its_function(jit):
    class C:
        def m(self):
            return 1

    c = C()
    diojit.nojit(c.m)
    c.m()
    assert diojit.info(C.m)["state"] == "opted_out"


@pytest.mark.parametrize("obj", [len, 3, None])
def test_rejects_non_python_functions(obj):
    with pytest.raises(TypeError, match="expected a Python function"):
        diojit.nojit(obj)
