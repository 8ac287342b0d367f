"""A bytecode interpreter written in Python: one big dispatch function with many branches, run over several programs."""


def run(program, args=()):
    stack = list(args)
    pc = 0
    steps = 0
    env = {}
    while pc < len(program):
        op, arg = program[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(arg)
        elif op == "pop":
            stack.pop()
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "add":
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == "sub":
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == "mul":
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == "lt":
            b = stack.pop()
            stack.append(stack.pop() < b)
        elif op == "jz":
            if not stack.pop():
                pc = arg
        elif op == "jmp":
            pc = arg
        elif op == "store":
            env[arg] = stack.pop()
        elif op == "load":
            stack.append(env[arg])
        elif op == "print":
            print("out:", stack[-1])
        else:
            raise ValueError("unknown op %r at %d" % (op, pc - 1))
    return stack, steps


FACT = [
    ("store", "n"), ("push", 1), ("store", "acc"),
    ("load", "n"), ("push", 1), ("swap", None), ("lt", None), ("jz", 17),
    ("load", "acc"), ("load", "n"), ("mul", None), ("store", "acc"),
    ("load", "n"), ("push", 1), ("sub", None), ("store", "n"), ("jmp", 3),
    ("load", "acc"), ("print", None),
]

print(run(FACT, [10]))
print(run(FACT, [25]))
print(run([("push", "a"), ("dup", None), ("add", None), ("print", None)]))
try:
    run([("push", 1), ("bogus", None)])
except ValueError as e:
    print("ValueError:", e)
try:
    run([("pop", None)])
except IndexError as e:
    print("IndexError:", e)
