"""doctest run on functions of this module (examples executed through compiled code; the report must match)."""
import doctest


def add(a, b):
    """
    >>> add(2, 3)
    5
    >>> add("a", "b")
    'ab'
    >>> [add(i, i) for i in range(4)]
    [0, 2, 4, 6]
    >>> add(1, "x")
    Traceback (most recent call last):
        ...
    TypeError: unsupported operand type(s) for +: 'int' and 'str'
    """
    return a + b


def wrong(x):
    """
    >>> wrong(2)
    5
    """
    return x * 2


results = doctest.testmod(verbose=False, report=True)
print(results)
