"""List/set/dict comprehensions and generator expressions: nested loops, conditions, scoping, LIST_APPEND/SET_ADD/MAP_ADD."""


def main(n):
    squares = [x * x for x in range(n)]
    evens = {x % 5 for x in range(n) if x % 2 == 0}
    table = {x: [y for y in range(x)] for x in range(4)}
    pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
    flat = [c for word in ["ab", "cd"] for c in word]
    nested = [[i * j for j in range(3)] for i in range(3)]
    gen = sum(x for x in range(n) if x % 3 == 0)
    cond = [x if x % 2 else -x for x in range(6)]
    walrus = [y for x in range(6) if (y := x * 2) > 4]
    inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
    print(squares[-3:], sorted(evens), table, pairs, flat, nested, gen, cond, walrus, y, inv)
    x = "outer"
    _ = [x for x in range(3)]
    print(x)
    try:
        [1 / (k - 2) for k in range(4)]
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


main(20)
main(7)
