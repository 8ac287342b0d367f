"""Cost of diojit's frame-evaluation hook alone, against plain CPython.

    python bench/hook_overhead.py [--rounds N]

Runs a call-heavy and a loop-heavy workload in fresh interpreters, plain
and with DIOJIT=1, alternating (A B A B ...), and prints the median time
of each and the ratio (> 1.0 means the hook costs time).
"""

import argparse
import os
import statistics
import subprocess
import sys

WORKLOADS = {
    "calls: fib(27)": """
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def run():
    assert fib(27) == 196418
""",
    "loop: 3e6 iterations": """
def loop(n):
    s = 0
    for i in range(n):
        s += i * 2 % 7
    return s
def run():
    assert loop(3_000_000) == 8999997
""",
}

TIMER = """
import time
{body}
t = time.perf_counter()
run()
print(time.perf_counter() - t)
"""


def measure(body, jit):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIOJIT")}
    if jit:
        env["DIOJIT"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", TIMER.format(body=body)], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    print("| workload | CPython s | hook s | hook / CPython |")
    print("|---|---|---|---|")
    for name, body in WORKLOADS.items():
        plain, hooked = [], []
        for _ in range(args.rounds):
            plain.append(measure(body, jit=False))
            hooked.append(measure(body, jit=True))
        p, h = statistics.median(plain), statistics.median(hooked)
        print("| %s | %.4f | %.4f | %.2fx |" % (name, p, h, h / p), flush=True)


if __name__ == "__main__":
    main()
