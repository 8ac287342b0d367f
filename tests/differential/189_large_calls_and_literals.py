"""Calls with hundreds of arguments, huge literals, deeply nested expressions and long f-strings (large stack depths)."""


def count(*args, **kwargs):
    return len(args), len(kwargs), sum(args), sum(kwargs.values())


args_src = ", ".join(str(i) for i in range(300))
kwargs_src = ", ".join("k%d=%d" % (i, i) for i in range(300))
ns = {"count": count}
exec("r1 = count(%s)\nr2 = count(%s)\nr3 = count(%s, %s)" % (args_src, kwargs_src, args_src, kwargs_src), ns)
print(ns["r1"], ns["r2"], ns["r3"])
exec("big_list = [%s]\nbig_tuple = (%s)\nbig_set = {%s}\nbig_dict = {%s}" % (
    args_src, args_src, args_src, ", ".join("%d: %d" % (i, i * i) for i in range(300))), ns)
print(len(ns["big_list"]), sum(ns["big_tuple"]), len(ns["big_set"]), ns["big_dict"][299])
nested = "1" + " + (2 * (3" * 50 + ")" * 100
print(eval(nested) % 1000003)
parts = "".join("{v%d}" % i for i in range(120))
env = {"v%d" % i: i for i in range(120)}
print(len(eval("f'" + parts + "'", env)))


def deep_call(a):
    return a


print(deep_call(deep_call(deep_call([deep_call(1), (deep_call(2), {deep_call(3): [deep_call(4)] * 2})]))))
