"""gc.callbacks and collection of cycles created in compiled loops; gc.disable/enable around hot code; gc.is_tracked."""
import gc

phases = []


def cb(phase, info):
    if info["generation"] == 2:
        phases.append(phase)


class Cyc:
    def __init__(self):
        self.me = self


def churn(n):
    for _ in range(n):
        Cyc()


def main():
    gc.collect()
    gc.callbacks.append(cb)
    churn(100)
    found = gc.collect()
    gc.callbacks.remove(cb)
    print(phases, found >= 100)
    gc.disable()
    churn(50)
    print(gc.isenabled(), gc.collect() >= 50)
    gc.enable()
    print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))


main()
main()  # again: the second run goes through code compiled during the first
