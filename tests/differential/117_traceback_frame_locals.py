"""Locals of compiled frames as seen through a traceback after an exception (tb_frame.f_locals) and in traceback.StackSummary."""
import sys
import traceback


def level3(data):
    index = len(data) + 5
    scratch = [v * 2 for v in data]  # noqa: F841
    return data[index]


def level2(items):
    count = 0
    for it in items:
        count += it
    return level3(items)


def level1():
    local_name = "level1-local"  # noqa: F841
    return level2([1, 2, 3])


def main():
    try:
        level1()
    except IndexError:
        tb = sys.exc_info()[2]
        while tb is not None:
            f = tb.tb_frame
            if f.f_code.co_name != "main":
                print(f.f_code.co_name, tb.tb_lineno, sorted((k, repr(v)) for k, v in f.f_locals.items()))
            tb = tb.tb_next
        summary = traceback.StackSummary.extract(traceback.walk_tb(sys.exc_info()[2]), capture_locals=True)
        for fs in summary:
            if fs.name != "main":
                print(fs.name, fs.lineno, sorted(fs.locals.items()) if fs.locals else None)


main()
main()  # again: the second run goes through code compiled during the first
