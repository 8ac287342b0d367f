"""while loops: condition at the bottom (POP_JUMP_BACKWARD_IF_*), while-else, break/continue, `while x is not None`, `while x is None`."""


class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt


def length(node):
    n = 0
    while node is not None:
        n += 1
        node = node.nxt
    return n


def first_nonnull(items):
    i = 0
    x = None
    while x is None:
        x = items[i]
        i += 1
    return x, i


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def truthy(xs):
    out = []
    while xs:
        out.append(xs.pop())
    return out


def falsy(n):
    while not n > 10:
        n += 3
    return n


def search(xs, target):
    i = 0
    while i < len(xs):
        if xs[i] == target:
            break
        i += 1
    else:
        return -1
    return i


def skip_odds(n):
    i, s = 0, 0
    while i < n:
        i += 1
        if i % 2:
            continue
        s += i
    return s


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    chain = None
    for v in range(7):
        chain = Node(v, chain)
    print(length(chain), length(None), first_nonnull([None, None, 0, 5]))
    print([collatz(n) for n in range(1, 15)], truthy([1, 2, 3]), falsy(0))
    print(search([5, 6, 7], 7), search([5], 9), skip_odds(10))
