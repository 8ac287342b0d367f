"""Uncaught exceptions in threads: threading.excepthook receives them (default output on stderr, then a custom hook)."""
import threading


def fails(n):
    if n > 2:
        raise ValueError("thread failure %d" % n)
    return n


def body(n):
    total = 0
    for i in range(n):
        total += fails(i)


def main():
    t = threading.Thread(target=body, args=(5,), name="worker-default")
    t.start()
    t.join()
    seen = []

    def hook(args):
        seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

    threading.excepthook = hook
    ts = [threading.Thread(target=body, args=(n,), name="worker-%d" % n) for n in (2, 4, 6)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    threading.excepthook = threading.__excepthook__
    print(sorted(seen))


main()
main()  # again: the second run goes through code compiled during the first
