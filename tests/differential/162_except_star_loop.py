"""except* in a hot loop: partial handling, unhandled remainder re-raised, nested groups, handler exceptions chained, else/finally."""


def work(i):
    errors = []
    if i % 2:
        errors.append(ValueError("odd %d" % i))
    if i % 3 == 0:
        errors.append(TypeError("three %d" % i))
    if i % 5 == 0:
        errors.append(ExceptionGroup("inner %d" % i, [KeyError(i), ValueError("nested %d" % i)]))
    if errors:
        raise ExceptionGroup("batch %d" % i, errors)
    return i


def process(i, log):
    try:
        work(i)
    except* ValueError as eg:
        log.append(("V", i, sorted(str(e) for e in eg.exceptions if not isinstance(e, ExceptionGroup))))
    except* TypeError as eg:
        log.append(("T", i, len(eg.exceptions)))
    else:
        log.append(("ok", i))
    finally:
        log.append(("finally", i))


def main():
    log = []
    escaped = []
    for i in range(16):
        try:
            process(i, log)
        except ExceptionGroup as rest:
            escaped.append((i, repr(rest)))
    for entry in log:
        print(entry)
    for e in escaped:
        print("escaped", e)
    try:
        try:
            raise ExceptionGroup("g", [OSError("a"), ValueError("b")])
        except* OSError:
            raise RuntimeError("handler failed")
    except ExceptionGroup as eg:
        print(repr(eg), [repr(e.__context__) for e in eg.exceptions])


main()
main()  # again: the second run goes through code compiled during the first
