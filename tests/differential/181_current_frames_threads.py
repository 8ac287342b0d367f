"""sys._current_frames() from a helper thread while the main thread spins in a compiled loop: the main frame chain is visible."""
import sys
import threading


def spin(stop):
    n = 0
    while not stop.is_set():
        n += 1
    return n > 0


def observe(main_id, ready, stop, out):
    ready.wait()
    # Wait until the main thread is inside spin().
    for _ in range(2000):
        f = sys._current_frames().get(main_id)
        if f is not None and f.f_code.co_name == "spin":
            break
        threading.Event().wait(0.001)
    chain = []
    while f is not None:
        chain.append(f.f_code.co_name)
        f = f.f_back
    out.append(chain)
    stop.set()


def runner():
    ready = threading.Event()
    stop = threading.Event()
    out = []
    t = threading.Thread(target=observe, args=(threading.get_ident(), ready, stop, out))
    t.start()
    ready.set()
    result = spin(stop)
    t.join()
    return result, out


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(runner())
