"""A signal handler that only counts (no exception) firing repeatedly during a compiled loop; the loop result stays exact."""
import signal

ticks = [0]


def on_tick(signum, frame):
    ticks[0] += 1


def work():
    total = 0
    i = 0
    while ticks[0] < 5:
        total += i % 3
        i += 1
    return total == sum(k % 3 for k in range(i))


def main():
    signal.signal(signal.SIGALRM, on_tick)
    signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
    ok = work()
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    print("consistent", ok, "ticks >= 5", ticks[0] >= 5)


main()
main()  # again: the second run goes through code compiled during the first
