"""warnings.warn with stacklevel=1/2/3 from compiled code: filename:lineno reported via a custom showwarning."""
import os
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print("warning:", category.__name__, message, os.path.basename(filename), lineno)


warnings.showwarning = show
warnings.simplefilter("always")


def deprecated_api(level):
    warnings.warn("old api (level %d)" % level, DeprecationWarning, stacklevel=level)


def user_code():
    for level in (1, 2, 3):
        deprecated_api(level)


def outer():
    user_code()


outer()
warnings.warn("module level", UserWarning)
# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    warnings.simplefilter("always")
    outer()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deprecated_api(2)
    print([(str(w.message), w.lineno) for w in caught])
    warnings.simplefilter("error")
    try:
        deprecated_api(2)
    except DeprecationWarning as e:
        print("raised:", e)
