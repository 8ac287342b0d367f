"""setattr/getattr/delattr/hasattr/vars with computed names in loops, __dict__ manipulation, attribute name errors."""


class Record:
    pass


def main():
    r = Record()
    for i in range(10):
        setattr(r, "f%d" % i, i * i)
    print(sorted(vars(r).items())[:4], getattr(r, "f9"), hasattr(r, "f10"))
    for i in range(0, 10, 2):
        delattr(r, "f%d" % i)
    print(sorted(r.__dict__))
    r.__dict__["direct"] = "via dict"
    print(r.direct)
    r.__dict__.clear()
    print(vars(r))
    try:
        setattr(r, 5, 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        getattr(r, "missing")
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        delattr(r, "missing")
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        vars(5)
    except TypeError as e:
        print("TypeError:", e)
    setattr(Record, "cls_level", "shared")
    print(Record().cls_level, getattr(Record(), "cls_level"))


main()
main()  # again: the second run goes through code compiled during the first
