"""Warnings 'default' and 'once' filters in loops: one report per call-site line, the __warningregistry__ keyed by line number."""
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print("warn:", message, lineno - BASE)


BASE = 0
warnings.showwarning = show


def api(tag):
    warnings.warn("api used (%s)" % tag, UserWarning, stacklevel=2)


def caller():
    for i in range(5):
        api("first site")
        api("second site")
        if i == 3:
            api("third site")


BASE = caller.__code__.co_firstlineno
warnings.resetwarnings()
warnings.simplefilter("default")
caller()
print("registry entries", len([k for k in __warningregistry__ if k != "version"]))
caller()
warnings.simplefilter("once")
caller()
warnings.simplefilter("module")
caller()
