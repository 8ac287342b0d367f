"""The frame passed to a signal handler interrupting a compiled loop: function name, f_lineno and f_back chain."""
import signal


class Done(Exception):
    pass


def handler(signum, frame):
    chain = []
    f = frame
    while f is not None:
        chain.append((f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno))
        f = f.f_back
    raise Done(chain)


def spin_while(flag):
    n = 0
    while flag:
        n += 1


def spin_for():
    total = 0
    for i in range(10**12):
        total += i


def caller(fn, *args):
    try:
        fn(*args)
    except Done as e:
        return e.args[0]


def main():
    signal.signal(signal.SIGALRM, handler)
    for fn, args in ((spin_while, (True,)), (spin_for, ())):
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        print(caller(fn, *args))
    signal.signal(signal.SIGALRM, signal.SIG_DFL)


main()
main()  # again: the second run goes through code compiled during the first
