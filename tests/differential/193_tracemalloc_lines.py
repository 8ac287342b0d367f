"""tracemalloc attributes allocations made by compiled code to the right lines (it reads the running frame's position)."""
import tracemalloc


def allocate():
    a = [0] * 50000
    b = "x" * 300000
    c = [[i] for i in range(3000)]
    d = bytearray(200000)
    return a, b, c, d


def main():
    tracemalloc.start()
    keep = allocate()
    snap = tracemalloc.take_snapshot()
    tracemalloc.stop()
    base = allocate.__code__.co_firstlineno
    lines = set()
    for stat in snap.statistics("lineno"):
        frame = stat.traceback[0]
        if frame.filename == __file__ and stat.size >= 50000:
            lines.add(frame.lineno - base)
    print(sorted(lines), len(keep))


main()
main()  # again: the second run goes through code compiled during the first
