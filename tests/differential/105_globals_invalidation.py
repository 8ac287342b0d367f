"""Globals and builtins changed by a callee in the middle of a hot loop: the caller sees the new values immediately."""
import builtins

SCALE = 1
helper_calls = 0


def helper(i):
    global SCALE, helper_calls
    helper_calls += 1
    if i == 5:
        SCALE = 100
    if i == 8:
        globals()["SCALE"] = 7
    return i


def loop():
    total = 0
    for i in range(12):
        total += helper(i) * SCALE
    return total


def shadow_builtin(i):
    if i == 3:
        globals()["abs"] = lambda x: "shadowed"
    if i == 6:
        del globals()["abs"]
    if i == 8:
        builtins.abs = lambda x: "patched builtin"


def use_abs():
    original = builtins.abs
    out = []
    try:
        for i in range(10):
            shadow_builtin(i)
            out.append(abs(-i))
    finally:
        builtins.abs = original
    return out


def delete_global_mid_loop():
    out = []
    for i in range(4):
        if i == 2:
            del globals()["TEMP"]
        try:
            out.append(TEMP)  # noqa: F821
        except NameError as e:
            out.append(str(e))
    return out


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    TEMP = "temp"
    print(loop(), helper_calls, SCALE)
    print(use_abs(), abs(-3))
    print(delete_global_mid_loop())
