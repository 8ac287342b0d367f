"""Per-function profiles: call counts, hotness, argument types, info()."""

import gc
import weakref

import pytest

import diojit


def test_unseen_function_has_empty_profile():
    def never_called(a, b):
        pass

    info = diojit.info(never_called)
    assert info["calls"] == 0
    assert info["state"] == "cold"
    assert info["args"] == []
    assert info["name"].endswith("never_called")


def test_calls_are_counted_and_function_compiles_at_threshold(jit):
    diojit.enable(threshold=10)

    def f(x):
        return x

    for i in range(9):
        f(i)
    assert diojit.info(f)["calls"] == 9
    assert diojit.info(f)["state"] == "cold"
    f(9)
    assert diojit.info(f)["state"] == "compiled"
    assert diojit.info(f)["threshold"] == 10
    for i in range(5):
        f(i)
    assert diojit.info(f)["calls"] == 15
    assert diojit.info(f)["state"] == "compiled"


def test_threshold_one_compiles_functions_at_first_call(jit):
    diojit.enable(threshold=1)

    def f():
        return 1

    f()
    assert diojit.info(f)["state"] == "compiled"


def test_monomorphic_polymorphic_megamorphic(jit):
    def f(a, b, c):
        return a

    class A:
        pass

    class B:
        pass

    f(1, "x", 1)
    f(2, 2.5, "s")
    f(3, "y", 1.5)
    f(4, "z", [])
    f(5, "w", ())
    f(6, "v", {})
    f(7, "u", A())
    f(8, "t", B())
    args = diojit.info(f)["args"]
    assert [a["name"] for a in args] == ["a", "b", "c"]
    assert args[0]["kind"] == "monomorphic" and args[0]["types"] == (int,)
    assert args[1]["kind"] == "polymorphic" and args[1]["types"] == (str, float)
    assert args[2]["kind"] == "megamorphic"
    assert args[2]["types"] == (int, str, float, list)


def test_polymorphism_bound_is_exported():
    assert diojit._core.MAX_POLYMORPHISM == 4
    assert diojit._core.MAX_PROFILED_ARGS == 6


def test_arguments_passed_by_keyword_and_defaults_are_profiled(jit):
    def f(a, b=2.0, *, c=None):
        return a

    f(b="s", a=1)
    f(1)
    args = diojit.info(f)["args"]
    assert [a["name"] for a in args] == ["a", "b"]  # keyword-only c is not positional
    assert args[0]["types"] == (int,)
    assert args[1]["types"] == (str, float)


def test_only_the_first_positional_arguments_are_profiled(jit):
    def f(a, b, c, d, e, g, h, i):
        return a

    f(*range(8))
    assert len(diojit.info(f)["args"]) == diojit._core.MAX_PROFILED_ARGS


def test_profiling_stops_once_hot(jit):
    diojit.enable(threshold=3)

    def f(a):
        return a

    for _ in range(3):
        f(1)
    f("late")
    assert diojit.info(f)["args"][0]["types"] == (int,)


def test_profile_does_not_keep_classes_alive(jit):
    def make():
        class Temp:
            def method(self, other):
                return other

        t = Temp()
        for _ in range(5):
            t.method(t)
        return weakref.ref(Temp), Temp.method

    ref, method = make()
    assert diojit.info(method)["args"][0]["types"] == (ref(),)
    gc.collect()
    assert ref() is None, "the profile kept a class alive"
    info = diojit.info(method)
    assert info["args"][0]["types"] == ()


def test_profile_is_freed_with_its_code_object(jit):
    src = "def g(x):\n    return x\n"
    ns = {}
    exec(src, ns)
    g = ns["g"]
    for i in range(3):
        g(i)
    code_ref = weakref.ref(g.__code__)
    del g, ns
    gc.collect()
    assert code_ref() is None


def test_info_resolves_methods_staticmethods_classmethods(jit):
    class C:
        def m(self, x):
            return x

        @staticmethod
        def s(x):
            return x

        @classmethod
        def k(cls, x):
            return x

    c = C()
    for _ in range(3):
        c.m(1)
        C.s(2)
        C.k(3)
    assert diojit.info(C.m)["calls"] == 3
    assert diojit.info(c.m)["calls"] == 3
    assert diojit.info(C.__dict__["s"])["calls"] == 3
    assert diojit.info(C.s)["calls"] == 3
    assert diojit.info(C.__dict__["k"])["calls"] == 3
    assert diojit.info(C.k)["args"][0]["types"] == (type,)


@pytest.mark.parametrize("obj", [len, 42, "f", object()])
def test_info_rejects_non_python_functions(obj):
    with pytest.raises(TypeError, match="expected a Python function"):
        diojit.info(obj)
