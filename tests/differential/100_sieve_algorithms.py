"""Algorithmic hot loops: prime sieve, binary search, bubble sort, matrix multiply, string building, gcd."""


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [i for i, p in enumerate(is_p) if p]


def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bubble(a):
    a = list(a)
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a


def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def main():
    primes = sieve(2000)
    print(len(primes), primes[-5:], bsearch(primes, 1009), bsearch(primes, 1))
    print(bubble([5, -1, 3, 3, 0, 9, 2]), bubble(range(5)))
    m = [[i + j for j in range(4)] for i in range(4)]
    print(matmul(m, m))
    print([gcd(a, b) for a, b in [(12, 18), (17, 5), (0, 9), (2**40, 6**20)]])


main()
main()  # again: the second run goes through code compiled during the first
