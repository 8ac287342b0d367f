"""Import errors and their messages: missing module, missing name, failing module body, ImportError attributes."""
import sys


def try_import(stmt):
    try:
        exec(stmt, {})
        return "ok"
    except ImportError as e:
        return "%s: %s | name=%r" % (type(e).__name__, e, e.name)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def direct():
    results = []
    try:
        import no_such_module_xyz  # noqa: F401
    except ModuleNotFoundError as e:
        results.append(str(e))
    try:
        from math import no_such_name  # noqa: F401
    except ImportError as e:
        results.append(str(e))
    try:
        from os.path import nope  # noqa: F401
    except ImportError as e:
        results.append(str(e).split(" (")[0])
    try:
        import _corpus_broken  # noqa: F401
    except RuntimeError as e:
        results.append("RuntimeError: %s" % e)
    results.append("_corpus_broken" in sys.modules)
    try:
        import os.nonexistent_sub  # noqa: F401
    except ModuleNotFoundError as e:
        results.append(str(e))
    return results


for r in direct():
    print(r)
for stmt in ["import json.nope", "from json import nope", "import math", "from . import x", "import _corpus_broken"]:
    print(stmt, "->", try_import(stmt))
