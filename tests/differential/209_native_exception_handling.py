"""Exceptions caught and re-raised inside compiled frames, in hot loops: handlers, finally blocks, bare raise, raise from, chaining, sys.exc_info() in handlers, invalid except clauses, with-statements that suppress, traceback line numbers, and tracing switched on inside a handler."""
import sys
import traceback


def lookups(d, keys):
    hits = misses = 0
    for k in keys:
        try:
            hits += d[k]
        except KeyError:
            misses += 1
        except (TypeError, ValueError) as e:
            misses += 100
        else:
            hits += 1000
        finally:
            hits += 1
    return hits, misses


def info_in_handler():
    out = []
    for exc in (ValueError("a"), KeyError("b"), None):
        try:
            if exc:
                raise exc
            out.append(sys.exc_info()[0])
        except Exception:
            out.append(sys.exc_info()[0].__name__)
            try:
                raise RuntimeError("inner")
            except RuntimeError as inner:
                out.append((type(inner.__context__).__name__, sys.exc_info()[0].__name__))
            out.append(sys.exc_info()[0].__name__)
    out.append(sys.exc_info())
    return out


def reraiser(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        raise


def chained():
    try:
        try:
            {}["missing"]
        except KeyError as e:
            raise ValueError("converted") from e
    except ValueError as v:
        return type(v.__cause__).__name__, v.__suppress_context__


def bad_except():
    try:
        try:
            1 / 0
        except 42:
            pass
    except TypeError as e:
        return str(e)


def finally_return():
    for i in range(3):
        try:
            try:
                raise IndexError(i)
            finally:
                if i == 2:
                    return "swallowed %d" % i
        except IndexError:
            pass


class Suppress:
    def __enter__(self):
        return self

    def __exit__(self, tp, val, tb):
        return tp is ArithmeticError or (tp is not None and issubclass(tp, ArithmeticError))


def with_suppress():
    n = 0
    for i in range(5):
        with Suppress():
            n += 1
            if i % 2:
                1 / 0
            n += 10
    return n


def deep(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        deep(n - 1)
    except LookupError:
        if n % 3 == 0:
            raise
        raise LookupError("level %d" % n)


def traced_handler():
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "traced_handler":
            events.append(event)
        return tracer

    try:
        raise KeyError("k")
    except KeyError:
        sys.settrace(tracer)
        try:
            raise
        except KeyError:
            pass
        finally:
            sys.settrace(None)
    return events


def main():
    print(lookups({1: 1, 2: 2}, [1, 2, 3, "x", [], 2] * 50))
    print(info_in_handler())
    print([reraiser(n) for n in (1, 2, 5)])
    try:
        reraiser(0)
    except ZeroDivisionError:
        tb = traceback.extract_tb(sys.exc_info()[2])
        print([(f.name, f.lineno) for f in tb])
    print(chained(), bad_except(), finally_return(), with_suppress())
    try:
        deep(7)
    except LookupError as e:
        chain = []
        while e is not None:
            chain.append(str(e))
            e = e.__context__
        print(chain)
    print(traced_handler())


main()
main()
