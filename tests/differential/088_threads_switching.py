"""Threads switching inside long pure-Python hot loops (the eval breaker must let other threads run), events and queues."""
import queue
import sys
import threading

sys.setswitchinterval(0.0005)


def spin_until(flag):
    n = 0
    while not flag.is_set():
        n += 1
    return n > 0


def producer(q, n):
    for i in range(n):
        q.put(i * i)
    q.put(None)


def consumer(q, out):
    s = 0
    while True:
        item = q.get()
        if item is None:
            break
        s += item
    out.append(s)


def main():
    flag = threading.Event()
    result = []
    t = threading.Thread(target=lambda: result.append(spin_until(flag)))
    t.start()
    # The main thread must get the GIL back while the spinner loops.
    x = 0
    for i in range(200000):
        x += i
    flag.set()
    t.join()
    print(result, x)
    q = queue.Queue(maxsize=10)
    out = []
    threads = [threading.Thread(target=producer, args=(q, 1000)), threading.Thread(target=consumer, args=(q, out))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(out)
    barrier = threading.Barrier(3)
    order = []
    lock = threading.Lock()

    def meet(i):
        s = sum(range(10000 * (i + 1)))
        barrier.wait()
        with lock:
            order.append(s)

    ts = [threading.Thread(target=meet, args=(i,)) for i in range(3)]
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    print(sorted(order))


main()
main()  # again: the second run goes through code compiled during the first
