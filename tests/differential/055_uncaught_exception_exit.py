"""An uncaught exception from nested compiled calls: the interpreter's traceback on stderr and exit status 1."""


class Widget:
    def __init__(self, parts):
        self.parts = parts

    def weight(self):
        return sum(p["weight"] for p in self.parts)


def inventory(widgets):
    out = []
    for w in widgets:
        out.append(w.weight())
    return out


print(inventory([Widget([{"weight": 1}, {"weight": 2}])]))
print(inventory([Widget([{"weight": 1}]), Widget([{"mass": 2}])]))
print("not reached")
