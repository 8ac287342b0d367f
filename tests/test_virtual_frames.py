"""Self calls without frames (README, "Virtual frames"): the frames a chain
left pending are built exactly when something needs them, and
DIOJIT_VIRTUAL_FRAMES=0 turns the feature off."""

from conftest import clean_env, run_code

JIT = clean_env(DIOJIT=1, DIOJIT_THRESHOLD=1)

OVERFLOW = """
import diojit

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

print(fact(25))
print(diojit.stats()["frames_built"])
"""


def test_an_int_outgrowing_64_bits_builds_the_waiting_frames():
    r = run_code(OVERFLOW, env=JIT)
    assert r.returncode == 0, r.stderr
    # fact(25) runs with a frame and calls fact(24) ... fact(21) without;
    # 21 * 20! overflows, so those four frames are built and finish in the
    # interpreter.
    assert r.stdout.split() == ["15511210043330985984000000", "4"]


def test_switched_off_every_call_has_its_frame():
    r = run_code(OVERFLOW, env={**JIT, "DIOJIT_VIRTUAL_FRAMES": "0"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["15511210043330985984000000", "0"]


SIGNALS = """
import signal, sys, diojit

def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1

depths = []

def handler(signum, frame):
    values = []
    while frame is not None:
        if frame.f_code is down.__code__:
            values.append(frame.f_locals["n"])
        frame = frame.f_back
    if values:
        depths.append(values)

signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)
sys.setrecursionlimit(5000)
while len(depths) < 20:
    assert down(3000) == 3000
signal.setitimer(signal.ITIMER_REAL, 0, 0)
# Each handler that interrupted the recursion saw every frame of it, from
# the outermost (n = 3000) down, one apart.
print(all(v == list(range(v[0], 3001)) for v in depths))
print(diojit.stats()["frames_built"] > 0)
"""


def test_a_signal_handler_sees_every_pending_frame():
    r = run_code(SIGNALS, env=JIT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["True", "True"]
