"""DNA READ: reverse complement of a FASTA text, in the style of the
Benchmarks Game's revcomp, read line by line from memory."""

import io
import zlib

COMPLEMENT = bytes.maketrans(
    b"ACBDGHKMNSRUTWVYacbdghkmnsrutwvy",
    b"TGVHCDMKNSYAAWBRTGVHCDMKNSYAAWBR",
)
WIDTH = 60


def fasta(records, seed=42):
    """Records of random nucleotides, WIDTH per line, from the Benchmarks
    Game's linear congruential generator: the same text everywhere."""
    out = []
    for number, (name, length) in enumerate(records, 1):
        out.append(b">%d %s\n" % (number, name))
        seq = bytearray()
        for _ in range(length):
            seed = (seed * 3877 + 29573) % 139968
            seq.append(b"ACGT"[seed * 4 // 139968])
        for i in range(0, length, WIDTH):
            out.append(bytes(seq[i : i + WIDTH]) + b"\n")
    return b"".join(out)


def flush(out, header, lines):
    if header is None:
        return
    out += header
    seq = b"".join(lines).translate(COMPLEMENT)[::-1]
    for i in range(0, len(seq), WIDTH):
        out += seq[i : i + WIDTH]
        out += b"\n"


def revcomp(data):
    out = bytearray()
    header = None
    lines = []
    for line in io.BytesIO(data):
        if line.startswith(b">"):
            flush(out, header, lines)
            header = line
            lines = []
        else:
            lines.append(line.rstrip(b"\n"))
    flush(out, header, lines)
    return out


INPUT = fasta([(b"ONE", 2000), (b"TWO", 3000), (b"THREE", 5000)])
# Output length and CRC-32, checked against an independent per-character
# reverse complement when the program was written.
EXPECTED = (10191, 0x172492A1)
CALLS = 15_000


def run(n):
    out = b""
    for _ in range(n):
        out = revcomp(INPUT)
    got = (len(out), zlib.crc32(out))
    if got != EXPECTED:
        raise AssertionError("DNA READ output (length, crc32) = %r, expected %r" % (got, EXPECTED))
    return list(got)


ITEMS = {"dna": (run, CALLS)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
