"""__import__ and importlib.import_module from compiled code, reloading a module, module attributes."""
import importlib
import sys


def main():
    m = __import__("collections")
    print(m.__name__, hasattr(m, "OrderedDict"))
    j = importlib.import_module("json")
    print(j.loads("[1, 2]"), j.dumps({"a": None}))
    h = importlib.import_module("_corpus_helper")
    h.load_count = 100
    h2 = importlib.reload(h)
    print(h2 is h, h.load_count)
    sub = __import__("os.path", fromlist=["join"])
    print(sub.__name__ in ("posixpath", "ntpath"), sub.join("a", "b"))
    print(type(sys).__name__, sys.modules["json"] is j)


main()
main()  # again: the second run goes through code compiled during the first
