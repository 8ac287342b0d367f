"""sys.setrecursionlimit(10**5): moderately deep recursion (several thousand frames) succeeds and returns the right values."""
import sys

sys.setrecursionlimit(10**5)


def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)


def sum_list(lst, i=0):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)


class Node:
    def __init__(self, nxt):
        self.nxt = nxt

    def length(self):
        return 1 if self.nxt is None else 1 + self.nxt.length()


def main():
    print(count(5000), count(8000))
    print(sum_list(list(range(6000))))
    head = None
    for _ in range(5000):
        head = Node(head)
    print(head.length())
    print(sys.getrecursionlimit())


main()
main()  # again: the second run goes through code compiled during the first
