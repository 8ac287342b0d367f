"""del of each kind: DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME, DELETE_ATTR, DELETE_SUBSCR, and deleting unbound names."""
gv = 1


def fast():
    a = 1
    del a
    try:
        del a
    except NameError as e:
        print("fast:", type(e).__name__, e)


def deref():
    c = 1

    def get():
        return c

    del c
    try:
        get()
    except NameError as e:
        print("deref read:", type(e).__name__, e)
    try:
        del c
    except NameError as e:
        print("deref del:", type(e).__name__, e)


def glob():
    global gv
    del gv
    try:
        del gv
    except NameError as e:
        print("global:", type(e).__name__, e)


class O:
    pass


def attr_and_item():
    o = O()
    o.x = 1
    del o.x
    try:
        del o.x
    except AttributeError as e:
        print("attr:", e)
    d = {"k": 1, "j": 2}
    del d["k"]
    try:
        del d["k"]
    except KeyError as e:
        print("item: KeyError", e)
    lst = list(range(10))
    del lst[0]
    del lst[-1]
    del lst[2:5]
    del lst[::2]
    print(d, lst)
    try:
        del lst[100]
    except IndexError as e:
        print("item: IndexError", e)
    try:
        del (1, 2)[0]
    except TypeError as e:
        print("TypeError:", e)


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    gv = 1
    fast()
    deref()
    glob()
    attr_and_item()
    mod_name = 5
    del mod_name
    try:
        del mod_name
    except NameError as e:
        print("name:", type(e).__name__, e)
    try:
        print(mod_name)
    except NameError as e:
        print("name read:", type(e).__name__, e)
    print("gv" in globals())
