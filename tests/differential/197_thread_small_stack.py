"""Threads started with a small stack (threading.stack_size 64 KiB / 256 KiB) running recursive compiled code."""
import _thread
import threading


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def body(n, results, done):
    try:
        results.append(depth(n))
    except RecursionError as e:
        results.append("RecursionError: %s" % e)
    finally:
        done.release()


def run_in_thread(n):
    # _thread directly, with a timeout: a thread that dies before running
    # its target must not hang the program.
    results = []
    done = _thread.allocate_lock()
    done.acquire()
    _thread.start_new_thread(body, (n, results, done))
    if not done.acquire(timeout=3):
        return "thread did not finish"
    return results[0]


def main():
    for size_kib in (64, 256):
        threading.stack_size(size_kib * 1024)
        for n in (10, 200, 500):
            first = run_in_thread(n)
            print(size_kib, n, first)
            if first == "thread did not finish":
                break
            print(size_kib, n, run_in_thread(n))
    threading.stack_size(0)


main()
main()  # again: the second run goes through code compiled during the first
