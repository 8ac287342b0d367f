"""except with invalid types (TypeError), exception class hierarchies, catching by base class, tuples of classes, order of clauses."""


class AppError(Exception):
    pass


class DbError(AppError):
    pass


class NetError(AppError, OSError):
    pass


def raise_it(cls):
    raise cls("raised %s" % cls.__name__)


def classify(cls):
    try:
        raise_it(cls)
    except DbError:
        return "DbError handler"
    except (NetError, KeyError) as e:
        return "tuple handler: %s" % type(e).__name__
    except AppError as e:
        return "AppError handler: %s" % e
    except OSError:
        return "OSError handler"
    except LookupError as e:
        return "LookupError handler: %r" % e
    except BaseException as e:
        return "base handler: %s" % type(e).__name__


def invalid_handler():
    try:
        raise ValueError("x")
    except 42:  # type: ignore
        return "never"


def invalid_handler_tuple():
    try:
        raise ValueError("x")
    except (ValueError, "not a class"):
        return "caught although the tuple contains a non-class"


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for cls in [DbError, NetError, AppError, KeyError, IndexError, FileNotFoundError, ValueError, KeyboardInterrupt, GeneratorExit]:
        print(cls.__name__, "->", classify(cls))
    for fn in (invalid_handler, invalid_handler_tuple):
        try:
            print(fn())
        except TypeError as e:
            print("TypeError:", e, "| context:", repr(e.__context__))
    print([c.__name__ for c in NetError.__mro__])
