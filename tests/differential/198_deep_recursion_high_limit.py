"""Recursion tens of thousands of frames deep under sys.setrecursionlimit(10**5), which CPython 3.11 runs without growing the C stack."""
import sys

sys.setrecursionlimit(10**5)


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def tree_sum(node):
    if node is None:
        return 0
    value, rest = node
    return value + tree_sum(rest)


def main():
    for n in (20000, 40000, 60000):
        try:
            print(n, down(n))
        except RecursionError as e:
            print(n, "RecursionError:", e)
    chain = None
    for i in range(45000):
        chain = (i, chain)
    try:
        print(tree_sum(chain))
    except RecursionError as e:
        print("RecursionError:", e)


main()
main()  # again: the second run goes through code compiled during the first
