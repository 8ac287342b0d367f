"""KeyboardInterrupt raised from a signal handler (SIGINT via os.kill and default handler) inside hot loops, caught and recovered."""
import os
import signal
import threading


def spin(limit, stop):
    i = 0
    while i < limit and not stop:
        i += 1
    return i


def main():
    # A parent that ignores SIGINT passes that on; use Python's default handler.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    stop = []
    watchdog = threading.Timer(20, stop.append, args=(True,))
    watchdog.start()
    timer = threading.Timer(0.05, os.kill, args=(os.getpid(), signal.SIGINT))
    timer.start()
    try:
        spin(10**12, stop)
        print("not interrupted")
    except KeyboardInterrupt:
        print("KeyboardInterrupt caught")
    timer.join()
    watchdog.cancel()

    def handler(signum, frame):
        raise KeyboardInterrupt("custom handler %d" % signum)

    signal.signal(signal.SIGUSR1, handler)
    try:
        for i in range(1000):
            if i == 500:
                os.kill(os.getpid(), signal.SIGUSR1)
        print("loop finished?")
    except KeyboardInterrupt as e:
        print("KeyboardInterrupt:", e, "at i ==", i)
    print(spin(1000, []))


main()
main()  # again: the second run goes through code compiled during the first
