"""Builtins read in a hot loop that also stores a global on every iteration (the globals' version changes each time, their keys do not): results while the builtin stays visible, when a global of the same name is inserted in the middle of the loop, deleted again, and when builtins change; module-level and function-level loops; functions warmed up in the interpreter first so that CPython has versioned the globals' keys."""

import builtins

counter = 0
real_abs = abs


def step(values):
    global counter
    out = []
    for v in values:
        counter += 1
        out.append((abs(v), len(str(v)), counter % 3))
        if counter == 1005:
            globals()["abs"] = lambda x: "shadow"
        if counter == 1008:
            del globals()["abs"]
        if counter == 1011:
            builtins.abs = lambda x: "changed builtin"
        if counter == 1014:
            builtins.abs = real_abs
    return out


def warm():
    global counter
    for _ in range(300):
        counter += 1
        abs(-1)
    counter = 0


def main():
    warm()
    for _ in range(20):
        step([1, -2])
    for start in (1000, 2000):
        global counter
        counter = start
        print(step([-3, 4, -5, 6, -7, 8, -9, 10, -11, 12, -13, 14, -15, 16, -17, 18]))


main()
main()
