"""__init_subclass__ with keyword arguments, metaclasses with __new__/__init__/__prepare__/__call__, class registries."""

registry = []


class Plugin:
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        registry.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name="bee"):
    pass


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, sorted(kw))
        return {"prepared": True}

    def __new__(mcls, name, bases, ns, **kw):
        ns["fields"] = [k for k in ns if not k.startswith("__")]
        cls = super().__new__(mcls, name, bases, ns)
        print("new", name)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.extra = kw.get("extra", 0)

    def __call__(cls, *args, **kwargs):
        inst = super().__call__(*args, **kwargs)
        inst.created_by_meta = True
        return inst


class Model(metaclass=OrderedMeta, extra=7):
    a = 1
    b = 2

    def method(self):
        return "m"


class SubModel(Model):
    c = 3


try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
print(registry, Alpha.plugin_name, Beta.plugin_name)
print(Model.fields, Model.prepared, Model.extra, SubModel.fields, SubModel.extra, type(SubModel).__name__)
m = SubModel()
print(m.created_by_meta, m.method(), isinstance(m, Model))
