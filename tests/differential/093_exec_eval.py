"""exec and eval of code strings and code objects from compiled functions: namespaces, errors, compile modes, nested defs."""


def run():
    ns = {"base": 10}
    exec("def f(x):\n    return x + base\nresult = f(5)", ns)
    print(ns["result"], ns["f"](1))
    print(eval("base * 2 + 1", ns), eval("[i * i for i in range(4)]"))
    loc = {}
    exec("a = 1\nb = a + 1", {}, loc)
    print(sorted(loc.items()))
    code = compile("x * y", "<expr>", "eval")
    print([eval(code, {"x": i, "y": 3}) for i in range(4)])
    stmt = compile("for i in range(3):\n    acc.append(i * k)", "<stmts>", "exec")
    acc = []
    exec(stmt, {"acc": acc, "k": 5})
    print(acc)
    try:
        eval("1 +")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
    try:
        exec("raise ValueError('from exec')")
    except ValueError as e:
        print("ValueError:", e)
    try:
        eval("undefined_name_q")
    except NameError as e:
        print("NameError:", e)
    x = 41
    print(eval("x + 1"), eval("x", {"x": "global-x"}), eval("x", {}, {"x": "local-x"}))
    single = compile("1 + 2\n", "<single>", "single")
    exec(single)
    exec(compile("[n * 2 for n in range(3)]", "<single>", "single"))
    exec(compile("None", "<single>", "single"))


run()
run()  # again: the second run goes through code compiled during the first
