"""Signals are handled by the main thread while worker threads run hot compiled loops; workers finish with exact results."""
import signal
import threading


class Interrupted(Exception):
    pass


def handler(signum, frame):
    raise Interrupted(threading.current_thread().name)


def worker(n, out, idx):
    s = 0
    for i in range(n):
        s += i % 11
    out[idx] = s


def main():
    signal.signal(signal.SIGALRM, handler)
    out = [None] * 2
    ts = [threading.Thread(target=worker, args=(200000, out, i)) for i in range(2)]
    for t in ts:
        t.start()
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    try:
        while True:
            pass
    except Interrupted as e:
        print("main thread interrupted:", e)
    for t in ts:
        t.join()
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    print(out, sum(i % 11 for i in range(200000)))


main()
main()  # again: the second run goes through code compiled during the first
