"""struct packing and array module in loops; errors from bad formats and out-of-range values."""
import array
import struct


def main():
    packed = b"".join(struct.pack("<hIf", i, i * 1000, i / 4) for i in range(5))
    print(len(packed), packed[:12].hex())
    out = []
    for off in range(0, len(packed), struct.calcsize("<hIf")):
        out.append(struct.unpack_from("<hIf", packed, off))
    print(out)
    a = array.array("i", range(10))
    for i in range(len(a)):
        a[i] *= a[i]
    a.append(-1)
    print(a, a.tolist()[-3:], a.itemsize, sum(a), array.array("d", [1.5, 2.5]) * 2)
    try:
        struct.pack("b", 300)
    except struct.error as e:
        print("struct.error:", e)
    try:
        array.array("b", [200])
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        struct.unpack("<I", b"ab")
    except struct.error as e:
        print("struct.error:", e)


main()
main()  # again: the second run goes through code compiled during the first
