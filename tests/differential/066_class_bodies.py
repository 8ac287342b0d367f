"""Class bodies: LOAD_BUILD_CLASS, STORE_NAME/LOAD_NAME inside the body, annotations (SETUP_ANNOTATIONS), __qualname__, nested classes."""


class Config:
    name: str = "default"
    retries: int
    ratio: float = 0.5
    derived = name.upper()
    items = [n * 2 for n in [name, "x"]]  # the first iterable is evaluated in the class scope
    try:
        hidden = [name for _ in range(2)]  # class names are not visible inside the comprehension
    except NameError as e:
        hidden = "NameError: %s" % e
    del derived

    class Inner:
        level = 2

        def where(self):
            return type(self).__qualname__

    def describe(self):
        return "%s/%s" % (self.name, self.ratio)


def make_class(n):
    class Local:
        count: int = n
        total = sum(range(count))

        def get(self):
            return self.total
    return Local


print(Config.__annotations__, Config.name, Config.items, Config.hidden, hasattr(Config, "derived"), hasattr(Config, "retries"))
print(Config.Inner().where(), Config.Inner.__qualname__, Config.describe.__qualname__, Config().describe())
print([make_class(i)().get() for i in range(5)], make_class(3).__qualname__)
x: int = 5
y: "list[str]"
print(__annotations__, x)


def local_annotations():
    z: int = 3
    w: str
    return z, "w" in locals()


print(local_annotations(), local_annotations())
