"""f-strings: FORMAT_VALUE with !s/!r/!a conversions, format specs (static and nested), BUILD_STRING, = specifier, __format__."""


class Money:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")

    def __repr__(self):
        return "Money(%r)" % self.v

    def __str__(self):
        return "money"


def render(i, x, name):
    width = 8
    prec = 3
    return (f"{i}|{i:04d}|{i:>{width}}|{x:.{prec}f}|{x:e}|{name!r}|{name!s}|{name!a}|{i:#x}|{i:,}|"
            f"{x:{width}.{prec}}|{name:^10}|{name:*<6}|{Money(x)}|{Money(x):.1f}|{Money(x)!r}|{Money(x)!s}|"
            f"{i=}|{x = :.1f}|{'nested ' + f'{i}'}|{i % 3 and 'odd' or 'even'}|{{braces}}")


def main():
    for i in range(3):
        print(render(i * 1234, i / 7, "é" * i))
    print(f"{12345678.9:,.2f} {0.5:%} {42:b} {-3:+d} {3:+d} {'x':>3}{True!r} {None} {[1, 2]} {(1,)}")
    try:
        print(f"{'s':d}")
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(f"{3:q}")
    except ValueError as e:
        print("ValueError:", e)
    s = ""
    for k in range(200):
        s = f"{s[-20:]}{k}"
    print(s)


main()
main()  # again: the second run goes through code compiled during the first
