"""A signal raising an exception deep inside nested compiled calls: finally blocks and with-exits unwind in order."""
import signal


class Stop(Exception):
    pass


def handler(signum, frame):
    raise Stop("signal %s" % signal.Signals(signum).name)


class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        print("exit guard", self.name, typ.__name__ if typ else None)


def leaf():
    n = 0
    while True:
        n += 1


def middle():
    with Guard("middle"):
        try:
            leaf()
        finally:
            print("middle finally")


def top():
    try:
        middle()
    except Stop as e:
        print("top caught", e)
        return "recovered"


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    print(top())
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
