"""Frameless self calls with stored locals and with // and %: floor semantics for negative dividends and divisors, ZeroDivisionError raised deep in a chain (with its traceback), locals stored before and between the calls (built with the values they hold at each waiting call), a stored local shadowing a deferred read, and overflow after a store."""

import sys
import traceback


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def digits(n, base):
    if n < base:
        return n
    return digits(n // base, base) * 100 + n % base


def floor_chain(a, b, k):
    if k == 0:
        return a // b * 1000 + a % b
    return floor_chain(a - 7, b, k - 1) + a // b - a % b


def split(n):
    if n < 2:
        return n
    half = n // 2
    left = split(half)
    right = split(n - half)
    return left + right + half


def shadow(n):
    if n <= 0:
        return 0
    m = n - 1
    r = m + shadow(m)
    m = r * 2
    return m - r


def blowup(n):
    if n == 0:
        return 1
    big = blowup(n - 1)
    sq = big * big + n
    return sq


def bits(n, mask):
    if n == 0:
        return mask
    return bits(n - 1, (mask ^ (n * 2654435761)) & 0xFFFFFFFFFFFF | (n & 5)) ^ -n


def divide_down(n, d):
    if n == 0:
        return 100 // d
    return divide_down(n - 1, d - 1) + 1


print("gcd", [gcd(a, b) for a, b in [(12, 18), (17, 5), (0, 9), (9, 0), (-12, 18), (12, -18), (2**40, 2**20 * 3)]])
print("digits", digits(987654321, 10), digits(255, 2), digits(-5, 3))
print("floor", [floor_chain(a, b, 6) for a, b in [(50, 7), (-50, 7), (3, 4), (-3, 4), (50, -7), (-50, -7)]])
print("split", [split(k) for k in (0, 1, 2, 7, 100, 1001)])
print("shadow", [shadow(k) for k in range(8)], shadow(300))
print("blowup", [blowup(k) for k in range(8)])
print("bits", [bits(k, m) for k in (0, 1, 7, 40) for m in (0, -1, 2**62, -(2**63))], bits(30, 2**70))
print("divide", divide_down(3, 7), divide_down(3, 2))
try:
    divide_down(5, 5)
except ZeroDivisionError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("zero", str(e), len(tb), [(f.name, f.lineno, f.line) for f in tb[-3:]])
try:
    divide_down(4, 4)
except ZeroDivisionError as e:
    print("zero again", len(traceback.extract_tb(e.__traceback__)))
print("negative divisors", divide_down(6, 3), divide_down(2, 0 + 1))
m64 = -(2**63)
print("extremes", gcd(m64, 6), digits(2**62, 2**31), floor_chain(m64 + 100, 3, 2), shadow(2**40 + 3 - 2**40))

old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
print("split", split(10**6))
try:
    shadow(10**4)
except RecursionError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("shadow deep", e, len(tb), [(f.name, f.lineno) for f in tb[-2:]])
sys.setrecursionlimit(old)
