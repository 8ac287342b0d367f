"""A global that shadows a builtin when the code is compiled, deleted while hot (the builtin shows through), builtins then changed under it, and the global restored; also a global deleted so that a NameError follows, and a module global rebound to other values between calls."""

import builtins

real_len = builtins.len


def len(x):
    return -1


def measure(seqs, n):
    out = []
    for i in range(n):
        if i == 3:
            del globals()["len"]
        if i == 6:
            builtins.len = lambda x: 100 + real_len(x)
        if i == 8:
            builtins.len = real_len
        if i == 10:
            globals()["len"] = lambda x: -2
        out.append(len(seqs[i % 2]))
    return out


LIMIT = 3


def limits(n):
    out = []
    for i in range(n):
        out.append(LIMIT)
    return out


def use_missing():
    return MISSING


def main():
    print(measure(["ab", [1, 2, 3]], 12))
    globals()["len"] = len_saved
    global LIMIT
    for v in (3, "x", None, 4.5):
        LIMIT = v
        print(limits(3))
    globals()["MISSING"] = 1
    print(use_missing(), use_missing())
    del globals()["MISSING"]
    try:
        use_missing()
    except NameError as e:
        print("NameError:", e)


len_saved = len
main()
main()
