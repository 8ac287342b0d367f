"""Code executed with unusual globals: dict subclasses with __missing__, custom __builtins__ mappings, functions created there."""


class Defaulting(dict):
    def __missing__(self, key):
        return "missing:" + key


def main():
    g = Defaulting(__builtins__=__builtins__)
    # Globals that are not an exact dict are read with PyObject_GetItem, so
    # __missing__ answers for names that are really builtins.
    exec("def f():\n    return known, len\nknown = 1\nresult = f()", g)
    print(g["result"])
    try:
        exec("def f2():\n    return len('abc')\nresult2 = f2()", g)
    except TypeError as e:
        print("TypeError:", e)
    try:
        exec("value = unknown_name", g)
        print(g["value"])
    except NameError as e:
        print("NameError:", e)
    try:
        exec("def h():\n    return unknown_global\nres = h()", g)
        print(g["res"])
    except NameError as e:
        print("NameError:", e)
    restricted = {"__builtins__": {"len": len, "print": print}}
    exec("print('restricted', len([1, 2]))", restricted)
    try:
        exec("open('x')", restricted)
    except NameError as e:
        print("NameError:", e)
    custom_builtins = {"__builtins__": {"abs": lambda x: "custom abs"}}
    exec("def k():\n    return abs(-1)\nr = [k() for _ in (1, 2, 3)]", custom_builtins)
    print(custom_builtins["r"])


main()
main()  # again: the second run goes through code compiled during the first
