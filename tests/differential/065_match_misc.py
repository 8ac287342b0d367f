"""match in a hot loop, as-patterns, nested or-patterns with captures, matching on tuples of values, fall-through."""


def evaluate(expr):
    match expr:
        case ("num", n):
            return n
        case ("add", a, b):
            return evaluate(a) + evaluate(b)
        case ("mul", a, b):
            return evaluate(a) * evaluate(b)
        case ("neg", a):
            return -evaluate(a)
        case (("min" | "max") as op, *args):
            vals = [evaluate(x) for x in args]
            return min(vals) if op == "min" else max(vals)
        case _:
            raise ValueError("bad expression %r" % (expr,))


def fizz(n):
    match (n % 3, n % 5):
        case (0, 0):
            return "FizzBuzz"
        case (0, _):
            return "Fizz"
        case (_, 0):
            return "Buzz"
        case _:
            return str(n)


expr = ("add", ("num", 2), ("mul", ("num", 3), ("neg", ("num", 4))))
print(evaluate(expr), evaluate(("max", ("num", 1), ("num", 9), expr)))
print(" ".join(fizz(i) for i in range(1, 31)))
try:
    evaluate(("pow", 1))
except ValueError as e:
    print("ValueError:", e)
total = 0
for i in range(500):
    total += evaluate(("add", ("num", i), ("neg", ("num", i // 2))))
print(total)
