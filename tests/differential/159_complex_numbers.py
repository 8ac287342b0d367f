"""Complex arithmetic in loops (Mandelbrot escape counts), cmath functions, complex formatting and errors."""
import cmath


def escape(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit


def main():
    rows = []
    for y in range(-5, 6):
        rows.append("".join("#" if escape(complex(x / 10, y / 5)) == 50 else "." for x in range(-20, 6)))
    print("\n".join(rows))
    print(cmath.sqrt(-4), cmath.exp(1j * cmath.pi).real, cmath.phase(-1), abs(3 + 4j), (1 + 2j).conjugate())
    print(complex("1+2j"), complex(3), (1 + 1j) ** 2, (2j) / (1 + 1j), format(1.5 - 2j, ".2f"))
    for bad in [lambda: (1 + 1j) // 2, lambda: (1j) < (2j), lambda: complex("bad"), lambda: 1j / 0]:
        try:
            bad()
        except (TypeError, ValueError, ZeroDivisionError) as e:
            print(type(e).__name__ + ":", e)


main()
main()  # again: the second run goes through code compiled during the first
