"""heapq and bisect driven from compiled loops: a priority queue simulation, nlargest/nsmallest, insort."""
import bisect
import heapq


def simulate(n):
    heap = []
    seq = 0
    for i in range(n):
        heapq.heappush(heap, ((i * 7) % 11, seq, "task%d" % i))
        seq += 1
    order = []
    while heap:
        prio, _, name = heapq.heappop(heap)
        order.append((prio, name))
    return order


def main():
    print(simulate(12))
    data = [(i * 37) % 101 for i in range(30)]
    print(heapq.nlargest(3, data), heapq.nsmallest(3, data, key=lambda x: -x), list(heapq.merge([1, 4], [2, 3])))
    s = []
    for x in data:
        bisect.insort(s, x)
    print(s[:10], bisect.bisect_left(s, 50), bisect.bisect_right(s, 50), bisect.bisect(s, 1000))
    h = list(data)
    heapq.heapify(h)
    print(heapq.heappushpop(h, -1), heapq.heapreplace(h, 500), h[0])


main()
main()  # again: the second run goes through code compiled during the first
