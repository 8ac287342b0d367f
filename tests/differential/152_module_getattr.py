"""Modules as objects: PEP 562 module __getattr__/__dir__, sys.modules injection, types.ModuleType created and used at runtime."""
import sys
import types


def make_module():
    mod = types.ModuleType("virtual_mod", "A module made at runtime.")
    exec(
        "def __getattr__(name):\n"
        "    if name.startswith('auto_'):\n"
        "        return name[5:].upper()\n"
        "    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')\n"
        "def __dir__():\n"
        "    return ['auto_x', 'real']\n"
        "real = 'real value'\n",
        mod.__dict__,
    )
    sys.modules["virtual_mod"] = mod
    return mod


def main():
    make_module()
    import virtual_mod
    from virtual_mod import auto_hello, real
    print(auto_hello, real, virtual_mod.auto_zz, dir(virtual_mod), virtual_mod.__doc__)
    try:
        virtual_mod.missing
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        from virtual_mod import other  # noqa: F401
    except ImportError as e:
        print("ImportError:", e)
    vals = [getattr(virtual_mod, "auto_%d" % i) for i in range(3)]
    print(vals)


main()
main()  # again: the second run goes through code compiled during the first
