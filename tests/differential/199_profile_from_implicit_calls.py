"""sys.setprofile switched on from special methods run implicitly (__bool__, __del__, __len__ via truth test): the running caller's 'return' and later call events."""
import sys

events = []


def profiler(frame, event, arg):
    if frame.f_code.co_filename == __file__ and not event.startswith("c_"):
        events.append((event, frame.f_code.co_name))


class OnBool:
    def __bool__(self):
        sys.setprofile(profiler)
        return False


class OnLen:
    def __len__(self):
        sys.setprofile(profiler)
        return 0


class OnDel:
    def __del__(self):
        sys.setprofile(profiler)


def leaf():
    return 1


def run_bool(obj):
    if obj:
        return 0
    return leaf() + 1


def run_len(obj):
    x = 1 if obj else 2
    return x


def run_del():
    a = OnDel()
    a = 2
    return a


def main():
    for fn, arg in ((run_bool, OnBool()), (run_len, OnLen()), (run_del, None)):
        events.clear()
        r = fn(arg) if arg is not None else fn()
        sys.setprofile(None)
        print(fn.__name__, r, events)


main()
main()  # again: the second run goes through code compiled during the first
