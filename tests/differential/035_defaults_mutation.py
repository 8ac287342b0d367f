"""Default values: evaluated once, shared mutable defaults, __defaults__ replaced at runtime on a compiled function."""


def append(x, acc=[]):
    acc.append(x)
    return acc


def greet(name="world", punct="!"):
    return "hello " + name + punct


def main():
    for i in range(3):
        print(append(i))
    print(greet(), greet("you"))
    greet.__defaults__ = ("there", "?")
    print(greet(), greet("me"))
    greet.__defaults__ = None
    try:
        greet()
    except TypeError as e:
        print("TypeError:", e)
    greet.__kwdefaults__ = {}
    print(greet("a", "b"))
    greet.__defaults__ = ("world", "!")


main()
main()  # again: the second run goes through code compiled during the first
