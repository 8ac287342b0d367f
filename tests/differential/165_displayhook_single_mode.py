"""PRINT_EXPR: interactive ('single' mode) code objects run repeatedly by exec, with the default and a custom sys.displayhook, including `_`."""
import builtins
import sys

lines = ["1 + 2", "'text'", "None", "[x * x for x in range(4)]", "_", "for i in range(2): i", "y = 5", "y * 2", "_ + 1"]
ns = {}
codes = [compile(line + "\n", "<interactive>", "single") for line in lines]
for _round in range(3):
    for code in codes:
        exec(code, ns)
    print("underscore", builtins._)
shown = []


def hook(value):
    if value is not None:
        shown.append(repr(value))


sys.displayhook = hook
square = compile("i ** 2", "<interactive>", "single")
for i in range(3):
    ns["i"] = i
    exec(square, ns)
exec(compile("None", "<interactive>", "single"), ns)
sys.displayhook = sys.__displayhook__
print(shown)
try:
    exec(compile("1 / 0", "<interactive>", "single"), ns)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
