"""Self calls run without frames (int-only recursive functions): results, ints outgrowing 64 bits mid-chain (frames rebuilt at the arithmetic, with values waiting below each call), nested self calls as arguments, every comparison and a conditional expression, RecursionError at the limit and with a raised limit, signal handlers walking and raising through the chain, threads switching mid-chain, arguments the chain cannot take (bool, big ints, floats), and reference counts afterwards."""

import signal
import sys
import threading
import traceback


def fib(a):
    if a <= 2:
        return 1
    return fib(a - 1) + fib(a - 2)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def alt(n):
    if n == 0:
        return 0
    return -alt(n - 1) - n


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def smaller(a, b):
    if a > b:
        return smaller(b, a)
    return a if a < b else b


def cmp_all(a, b):
    if a != b:
        if a >= b:
            return cmp_all(a - 1, b) + 1
        return cmp_all(a, b - 1) + 2
    return 0


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def pw(n, x):
    if n == 0:
        return x
    return pw(n - 1, x * 3)


print("fib", [fib(k) for k in range(1, 25)])
print("fact", [fact(k) for k in (0, 1, 5, 20, 21, 25, 40)])
print("alt", [alt(k) for k in range(12)], alt(300))
print("tak", tak(18, 12, 6), tak(12, 8, 4))
print("smaller", smaller(3, 9), smaller(9, 3), smaller(4, 4), smaller(-7, 2))
print("cmp_all", cmp_all(30, 12), cmp_all(12, 30), cmp_all(5, 5))
print("pw", pw(60, 1), pw(5, -(2**62)))
print("edges", pw(1, 2**62 - 1), down(0), fib(-3), alt(-0))
print("big args", fib(True), down(2**40 - 2**40 + 3), pw(2, 2**70), smaller(2**65, 3))
# Arguments of two 30-bit digits (either sign) start a chain; three do not.
print("two digits", pw(3, -(2**45) + 7), pw(2, 2**59 + 1), pw(2, -(2**60) + 1), pw(2, 2**60),
      smaller(2**59 + 3, -(2**50)), cmp_all(2**40 + 5, 2**40), cmp_all(-(2**31), -(2**31) - 4))
try:
    print(fib(2.5))
except Exception as e:
    print("float", type(e).__name__)

# The recursion limit: the same error, with the same traceback.
for limit in (200, 1000):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        down(10**6)
    except RecursionError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("limit", limit, str(e), len(tb), [(f.name, f.lineno) for f in tb[:2] + tb[-2:]])
    finally:
        sys.setrecursionlimit(old)

old = sys.getrecursionlimit()
sys.setrecursionlimit(60000)
print("deep", down(40000), fact(3000) % 1000003)
sys.setrecursionlimit(old)


# A signal handler that looks at the chain of fib frames below it, then
# raises through them.
class Stop(Exception):
    pass


seen = []


def consistent(frames):
    """The fib frames, innermost first, each waiting at a call line for an
    argument one or two below its own."""
    values = [f.f_locals["a"] for f in frames]
    steps = all(b - a in (1, 2) for a, b in zip(values, values[1:]))
    lines = all(f.f_lineno == fib.__code__.co_firstlineno + 3 for f in frames[1:])
    return steps and lines


def handler(signum, frame):
    frames = []
    f = frame
    while f is not None:
        if f.f_code is fib.__code__:
            frames.append(f)
        f = f.f_back
    seen.append(consistent(frames))
    if len(seen) >= 5:
        raise Stop


signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.002, 0.002)
try:
    while True:
        fib(27)
except Stop as e:
    signal.setitimer(signal.ITIMER_REAL, 0, 0)
    tb = e.__traceback__
    frames = []
    while tb is not None:
        if tb.tb_frame.f_code is fib.__code__:
            frames.append(tb.tb_frame)
        tb = tb.tb_next
    frames.reverse()
    print("signals", len(seen) >= 5, all(seen), "traceback", consistent(frames[1:]) if len(frames) > 1 else True)
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# Threads handing the GIL over mid-chain.
sys.setswitchinterval(1e-5)
results = {}


def work(k):
    results[k] = [fib(18 + k % 3) for _ in range(20)]


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads", sorted((k, set(v)) for k, v in results.items()))
sys.setswitchinterval(0.005)



def churn():
    fib(20)
    fact(30)
    try:
        sys.setrecursionlimit(150)
        down(1000)
    except RecursionError:
        pass
    finally:
        sys.setrecursionlimit(old)


def counts():
    return sys.getrefcount(fib), sys.getrefcount(fib.__code__), sys.getrefcount(fact), sys.getrefcount(down)


# Enough calls first that churn itself is compiled (and its call sites
# hold what they hold) at any threshold up to 12; the default never
# reaches it here.
for _ in range(12):
    churn()
before = counts()
for _ in range(3):
    churn()
print("refcounts kept", counts() == before)
