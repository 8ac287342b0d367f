"""copy.copy/deepcopy with cycles and custom hooks, pickle round trips of classes/functions/cycles defined in __main__."""
import copy
import pickle


class Node:
    def __init__(self, name):
        self.name = name
        self.links = []

    def __repr__(self):
        return "Node(%s->%s)" % (self.name, [n.name for n in self.links])


class Custom:
    def __init__(self, v):
        self.v = v

    def __deepcopy__(self, memo):
        print("custom deepcopy")
        return Custom(self.v * 10)

    def __reduce__(self):
        return (Custom, (self.v + 1,))


def helper(x):
    return x * 2


def main():
    a = Node("a")
    b = Node("b")
    a.links.append(b)
    b.links.append(a)
    deep = copy.deepcopy(a)
    shallow = copy.copy(a)
    print(deep, deep.links[0].links[0] is deep, shallow.links is a.links, deep.links is a.links)
    c = copy.deepcopy([Custom(1), Custom(2)])
    print([x.v for x in c])
    data = {"nodes": [a, b], "fn": helper, "cls": Node, "t": (1, 2.5, "s", None, b"b"), "custom": Custom(5)}
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(data, protocol=proto))
        print(proto, back["nodes"], back["fn"](4), back["cls"].__name__, back["t"], back["custom"].v,
              back["nodes"][0].links[0] is back["nodes"][1])
    try:
        pickle.dumps(lambda: 1)
    except (pickle.PicklingError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


main()
main()  # again: the second run goes through code compiled during the first
