"""contextvars (set/reset/copy_context.run) and threading.local values, read from compiled functions in several threads."""
import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="none")
local = threading.local()


def current():
    return request_id.get()


def handle(rid):
    token = request_id.set(rid)
    try:
        return [current() for _ in range(3)]
    finally:
        request_id.reset(token)


def thread_body(i, out):
    local.value = i * 10
    total = 0
    for _ in range(1000):
        total += local.value
    ctx = contextvars.copy_context()
    out[i] = (total, ctx.run(handle, "thread%d" % i), current())


def main():
    print(current(), handle("r1"), current())
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "inside-ctx")
    print(ctx[request_id], current(), ctx.run(current))
    out = [None] * 3
    ts = [threading.Thread(target=thread_body, args=(i, out)) for i in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(out)
    print(hasattr(local, "value"))
    try:
        request_id.reset(request_id.set("x").__class__)
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
