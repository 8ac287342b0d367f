"""try/except/else/finally: which clauses run, return from try and finally, exception variables cleared after except."""


def f(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "other":
            raise OSError("o")
    except ValueError as e:
        log.append("except ValueError %s" % e)
    except (KeyError, IndexError) as e:
        log.append("except tuple %r" % e)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


def finally_return():
    try:
        return "from try"
    finally:
        print("finally runs before return")


def finally_overrides():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"  # noqa: B012


def except_var_cleared():
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e  # noqa: F821
    except NameError as err:
        return "NameError: %s" % err


def loop_with_try(n):
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            total += i
        except ValueError as e:
            total -= e.args[0]
        finally:
            total += 1
    return total


def continue_break_in_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    for k in ["none", "value", "key"]:
        print(f(k))
    try:
        f("other")
    except OSError as e:
        print("escaped:", e)
    print(finally_return(), finally_overrides(), except_var_cleared(), loop_with_try(100), continue_break_in_finally())
