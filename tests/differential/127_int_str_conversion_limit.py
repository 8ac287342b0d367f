"""int <-> str conversion: the 4300-digit limit (ValueError message), sys.set_int_max_str_digits, bases, underscores."""
import sys


def main():
    big = 10**5000
    try:
        str(big)
    except ValueError as e:
        print("ValueError:", e)
    try:
        int("1" * 5000)
    except ValueError as e:
        print("ValueError:", e)
    print(len(hex(big)), sys.get_int_max_str_digits())
    sys.set_int_max_str_digits(6000)
    print(len(str(big)), str(big)[:5])
    sys.set_int_max_str_digits(0)
    print(len(str(10**9000)))
    print(int("1_000_000"), int("0x_ff", 16), int("  42  "), int("-0b101", 0), int("z", 36), int("١٢٣"))
    for bad in ["1__0", "0x", "", "1.5", "12a"]:
        try:
            int(bad)
        except ValueError as e:
            print("ValueError:", e)


main()
main()  # again: the second run goes through code compiled during the first
