"""bytes/bytearray/memoryview operations in loops: building, slicing, mutation, formatting, encoding errors."""


def checksum(data):
    s = 0
    for b in data:
        s = (s * 31 + b) & 0xFFFFFFFF
    return s


def main():
    buf = bytearray()
    for i in range(256):
        buf.append(i)
    buf[0:4] = b"HEAD"
    del buf[-10:]
    print(len(buf), bytes(buf[:8]), checksum(buf), buf.find(b"\x10"), buf.count(b"\x00"))
    b = bytes(range(10))
    print(b.hex(), b[2:5], b[::-3], b + b"!", b * 2 == b + b, b"%d-%s" % (5, b"x"), bytes.fromhex("ff 00"))
    mv = memoryview(buf)
    mv[4:6] = b"zz"
    print(bytes(mv[:8]), mv.nbytes, mv.readonly, mv[4])
    print("naïve".encode("utf-8"), "naïve".encode("ascii", "replace"), b"caf\xc3\xa9".decode("utf-8"))
    try:
        b"\xff".decode("utf-8")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    try:
        "é".encode("ascii")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
    try:
        buf[0] = 256
    except ValueError as e:
        print("ValueError:", e)
    try:
        b"abc"[0] = 1
    except TypeError as e:
        print("TypeError:", e)
    print(b"a,b,c".split(b","), b"  x ".strip(), b"abc".upper(), bytearray(b"xy") + b"z", b"ab" in b"cab")


main()
main()  # again: the second run goes through code compiled during the first
