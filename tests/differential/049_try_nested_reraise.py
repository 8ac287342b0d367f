"""Nested try blocks, bare raise re-raising, raise in except (implicit __context__), raise from (explicit __cause__), from None."""
import traceback


def level3():
    raise ValueError("deep")


def level2():
    try:
        level3()
    except ValueError:
        raise


def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError("wrapped") from e


def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise TypeError("during handling")


def suppressed_context():
    try:
        [][0]
    except IndexError:
        raise LookupError("clean") from None


def nested_handlers():
    log = []
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            log.append("inner handled")
            try:
                raise ValueError("second")
            except ValueError as e2:
                log.append("second handled: %r ctx=%r" % (e2, e2.__context__))
            raise
    except KeyError as e:
        log.append("outer got %r" % e)
    return log


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for fn in [level1, implicit, suppressed_context]:
        try:
            fn()
        except Exception as e:
            print(type(e).__name__, e, "cause:", repr(e.__cause__), "context:", repr(e.__context__),
                  "suppress:", e.__suppress_context__)
            print(traceback.format_exc())
    print(nested_handlers())
