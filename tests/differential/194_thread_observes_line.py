"""Another thread reads f_lineno/f_code of the main thread's frame while it spins in a loop without calls (GIL hand-over points)."""
import sys
import threading


def spin(state):
    n = 0
    while state[0]:
        n += 1
    return n


def watcher(main_id, state, out):
    seen = set()
    for _ in range(200):
        f = sys._current_frames().get(main_id)
        if f is not None and f.f_code.co_name == "spin":
            seen.add(f.f_lineno - f.f_code.co_firstlineno)
        threading.Event().wait(0.0005)
    out.append(sorted(seen))
    state[0] = False


def main():
    sys.setswitchinterval(0.0001)
    state = [True]
    out = []
    t = threading.Thread(target=watcher, args=(threading.get_ident(), state, out))
    t.start()
    spin(state)
    t.join()
    print(out)


main()
main()  # again: the second run goes through code compiled during the first
