"""Exceptions raised with many values live on the stack (mid call, mid list build, mid f-string) caught in the same function."""
import traceback


def boom(x):
    if x == 3:
        raise ValueError("boom at %d" % x)
    return x


def mid_expression(n):
    out = []
    for i in range(n):
        try:
            out.append([i, i * 2, boom(i), {"k": boom(i + 1)}, f"{i}-{boom(i)}", (i, boom(i))])
        except ValueError as e:
            out.append(str(e))
    return out


def mid_call(n):
    results = []
    for i in range(n):
        try:
            results.append(max(i, 1, boom(i), key=lambda v: -v))
        except ValueError:
            results.append(None)
    return results


def mid_kwargs():
    try:
        return dict(a=1, b=boom(3), c=3)
    except ValueError:
        return traceback.format_exc().splitlines()[-1]


def nested_try_stack():
    data = []
    try:
        data.extend([1, 2, [3, boom(3)]])
    except ValueError:
        try:
            data.append({boom(1): boom(2), boom(3): 4})
        except ValueError as e2:
            data.append(repr(e2))
    return data


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    print(mid_expression(5))
    print(mid_call(5), mid_kwargs(), nested_try_stack())
