"""inspect.currentframe(), inspect.stack(), getframeinfo: function names and line numbers as seen from compiled code."""
import inspect


def where():
    return [(fi.function, fi.lineno) for fi in inspect.stack()]


def current():
    f = inspect.currentframe()
    info = inspect.getframeinfo(f)
    return info.function, info.lineno, f.f_back.f_code.co_name


def middle():
    results = []
    for _ in range(2):
        results.append(where())
    return results


def outer():
    return middle(), current()


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(outer())
    print(inspect.getouterframes(inspect.currentframe())[0].function)


    class K:
        def method(self):
            return inspect.stack()[0].function, inspect.stack()[1].function


    print(K().method())
    print(inspect.signature(outer), inspect.getsource(current).splitlines()[0])
