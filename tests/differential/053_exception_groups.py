"""except* with ExceptionGroup: splitting, multiple handlers, re-raise of unhandled parts, nesting (CHECK_EG_MATCH, PREP_RERAISE_STAR)."""
import traceback


def raise_group():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])


def handle(kinds):
    try:
        raise_group()
    except* ValueError as eg:
        print("ValueError part:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeError part:", [str(e) for e in eg.exceptions])
        if "raise-in-handler" in kinds:
            raise RuntimeError("from handler")
    except* KeyError:
        if "reraise-key" in kinds:
            raise


def main():
    handle(())
    for kinds in (("reraise-key",), ("raise-in-handler",), ("raise-in-handler", "reraise-key")):
        try:
            handle(kinds)
        except BaseException as e:
            print(type(e).__name__, repr(e))
            print(traceback.format_exc())
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("naked wrapped:", repr(eg), [repr(x) for x in eg.exceptions])
    try:
        try:
            raise ExceptionGroup("outer", [ExceptionGroup("inner", [OSError("o")]), ValueError("x")])
        except* OSError as eg:
            print("OSError part:", repr(eg))
    except ExceptionGroup as rest:
        print("rest:", repr(rest))
    eg = ExceptionGroup("g", [ValueError(1), TypeError(2)])
    match, rest = eg.split(ValueError)
    print(repr(match), repr(rest), repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
    try:
        ExceptionGroup("bad", [])
    except ValueError as e:
        print("ValueError:", e)


main()
main()  # again: the second run goes through code compiled during the first
