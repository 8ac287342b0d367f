"""threading.settrace / setprofile: trace functions applied to new threads running compiled code; per-thread event lists."""
import threading

events = {}
lock = threading.Lock()


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__ and event in ("call", "return"):
        with lock:
            events.setdefault(threading.current_thread().name, []).append((event, frame.f_code.co_name))
    return None


def square(x):
    return x * x


def body():
    return sum(square(i) for i in range(3))


def main():
    body()  # compiled before any tracing
    threading.settrace(tracer)
    ts = [threading.Thread(target=body, name="t%d" % i) for i in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    threading.settrace(None)
    t = threading.Thread(target=body, name="untraced")
    t.start()
    t.join()
    for name in sorted(events):
        print(name, events[name])


main()
main()  # again: the second run goes through code compiled during the first
