"""DELETE_GLOBAL, DELETE_DEREF, DELETE_FAST and DELETE_NAME inside hot loops, with re-binding after deletion."""
state = 0


def toggle_global(i):
    global state
    if i % 2:
        del state
    else:
        state = i


def cells(n):
    value = 0

    def read():
        try:
            return value
        except NameError as e:
            return "unbound: %s" % e

    out = []
    for i in range(n):
        if i % 3 == 0:
            del value
        else:
            value = i
        out.append(read())
    return out


def fast(n):
    out = []
    for i in range(n):
        tmp = i * i
        if i % 2:
            del tmp
        try:
            out.append(tmp)
        except UnboundLocalError as e:
            out.append(str(e))
    return out


def main():
    seen = []
    for i in range(6):
        toggle_global(i)
        seen.append(globals().get("state", "<deleted>"))
    print(seen)
    print(cells(6))
    print(fast(4))


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    main()
    for j in range(3):
        temp_name = j
        del temp_name
    print("temp_name" in globals(), "j" in globals())
