"""weakref callbacks and weakref.finalize firing in the middle of hot loops, WeakValueDictionary entries vanishing."""
import gc
import weakref


class Node:
    def __init__(self, n):
        self.n = n


fired = []


def make_ref(n):
    obj = Node(n)
    return obj, weakref.ref(obj, lambda r: fired.append(n))


def main():
    refs = []
    for i in range(5):
        obj, r = make_ref(i)
        refs.append(r)
        if i % 2:
            del obj
            fired.append("after del %d" % i)
    print(fired, [r() is None for r in refs])
    cache = weakref.WeakValueDictionary()
    keep = []
    for i in range(6):
        n = Node(i)
        cache[i] = n
        if i % 3 == 0:
            keep.append(n)
    del n
    print(sorted(cache.keys()))
    order = []
    a = Node("a")
    weakref.finalize(a, order.append, "finalized a")
    order.append("before")
    a = None
    order.append("after")
    print(order)
    b = Node("b")
    b.self = b
    weakref.finalize(b, print, "finalized cycle b")
    del b
    print("before collect")
    gc.collect()
    print("after collect")


main()
main()  # again: the second run goes through code compiled during the first
