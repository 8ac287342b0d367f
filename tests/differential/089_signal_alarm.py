"""A signal handler (setitimer) firing inside a long compiled loop raises an exception that the loop's caller catches."""
import signal


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("alarm in %s" % frame.f_code.co_name)


def busy():
    n = 0
    while True:
        n += 1
        if n > 10**9:
            return n


def busy_for():
    total = 0
    for i in range(10**10):
        total += i & 3
    return total


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    for fn in (busy, busy_for):
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        try:
            fn()
            print("finished?")
        except Timeout as e:
            print("Timeout:", e)
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    print("done")


main()
main()  # again: the second run goes through code compiled during the first
