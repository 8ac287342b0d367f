"""Several threads incrementing shared counters under a lock in hot loops: results deterministic after join."""
import threading


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def add_many(self, n):
        for _ in range(n):
            with self.lock:
                self.value += 1


def worker(counter, n, results, idx):
    local = 0
    for i in range(n):
        local += i % 7
    counter.add_many(n)
    results[idx] = local


def main():
    c = Counter()
    results = [None] * 4
    threads = [threading.Thread(target=worker, args=(c, 20000, results, i)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(c.value, results)
    total = [0]
    lock = threading.RLock()

    def bump():
        for _ in range(5000):
            with lock:
                with lock:
                    total[0] += 2

    ts = [threading.Thread(target=bump) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(total[0])


main()
main()  # again: the second run goes through code compiled during the first
