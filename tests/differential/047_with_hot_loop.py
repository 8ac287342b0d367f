"""with inside a hot loop: locks, open files (io.StringIO), contextlib managers, suppress."""
import contextlib
import io
import threading


@contextlib.contextmanager
def tag(name, log):
    log.append("<" + name)
    try:
        yield name
    finally:
        log.append(name + ">")


def main():
    lock = threading.Lock()
    n = 0
    for i in range(1000):
        with lock:
            n += i
    print(n, lock.locked())
    log = []
    for i in range(3):
        with tag("t%d" % i, log) as t:
            log.append(t)
    print(log)
    buf = io.StringIO()
    with buf:
        buf.write("x")
        print(buf.getvalue())
    print(buf.closed)
    with contextlib.suppress(ZeroDivisionError):
        print("before")
        1 / 0
        print("never")
    log = []
    try:
        with tag("err", log):
            raise IndexError("in tag")
    except IndexError as e:
        print(log, e)
    with contextlib.ExitStack() as stack:
        for i in range(3):
            stack.callback(print, "callback", i)
        print("stack body")


main()
main()  # again: the second run goes through code compiled during the first
