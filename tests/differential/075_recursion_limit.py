"""Deep recursion with the default limit: RecursionError caught, the depth reached printed; recovery afterwards."""
import sys

depth = 0


def dive(n):
    global depth
    depth = n
    return dive(n + 1) + 1


def dive_method_like(obj, n):
    return dive_method_like(obj, n + 1)


def main():
    limit = sys.getrecursionlimit()
    print("limit", limit)
    try:
        dive(1)
    except RecursionError as e:
        print("RecursionError:", e)
    print("depth reached", depth)
    first = depth
    try:
        dive(1)
    except RecursionError:
        pass
    print("same depth again", depth == first)
    try:
        dive_method_like(None, 0)
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        repr(eval("[" * 100 + "]" * 100))
        print("nested literal ok")
    except RecursionError as e:
        print("RecursionError:", e)

    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    print(len(str(fact(500))))


main()
main()  # again: the second run goes through code compiled during the first
