"""Function objects at runtime: __name__/__qualname__/__doc__/__module__/__dict__ attributes, code flags, inspect.signature.bind."""
import inspect


def sample(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Sample docstring."""
    return "%s %s %s %s %s %s" % (a, b, args, c, d, sorted(kw))


def main():
    f = sample
    print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__, f.__annotations__)
    co = f.__code__
    print(co.co_argcount, co.co_kwonlyargcount, co.co_varnames, bool(co.co_flags & inspect.CO_VARARGS),
          bool(co.co_flags & inspect.CO_VARKEYWORDS), co.co_name)
    f.custom = "attr"
    f.__name__ = "renamed"
    f.__qualname__ = "Renamed.q"
    print(f.custom, f.__dict__, f.__name__)
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
    sig = inspect.signature(sample)
    print(sig, list(sig.parameters))
    ba = sig.bind(1, 2, 3, c=5, z=6)
    ba.apply_defaults()
    print(dict(ba.arguments), sample(*ba.args, **ba.kwargs))
    try:
        sig.bind(1)
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
