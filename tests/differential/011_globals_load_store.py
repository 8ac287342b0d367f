"""LOAD_GLOBAL/STORE_GLOBAL: a hot loop updating module globals, rebinding builtins, shadowing and restoring."""
counter = 0
limit = 10


def bump(n):
    global counter
    for i in range(n):
        counter += i
    return counter


def uses_len(x):
    return len(x)


def main():
    global limit
    print(bump(100), bump(5), counter)
    limit = 20
    print(limit, uses_len([1, 2, 3]))
    import builtins
    original = builtins.len
    builtins.len = lambda x: 42
    print(uses_len([1]))
    builtins.len = original
    print(uses_len([1]))
    globals()["len"] = lambda x: -1
    print(uses_len([1]))
    del globals()["len"]
    print(uses_len([1, 2]))


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    main()
    for k in range(3):
        counter = counter * 2 + k
    print(counter, limit)
