"""collections: Counter, deque, defaultdict, namedtuple, OrderedDict, ChainMap in compiled loops."""
import collections


def main():
    c = collections.Counter()
    for w in "one two three two three three".split():
        c[w] += 1
    print(c.most_common(), c["missing"], sum(c.values()), list((c + collections.Counter(one=5)).items()))
    dq = collections.deque(maxlen=4)
    for i in range(10):
        dq.append(i)
        if i % 3 == 0:
            dq.appendleft(-i)
    dq.rotate(1)
    print(dq, dq.popleft(), dq.pop(), len(dq))
    dd = collections.defaultdict(list)
    for i in range(10):
        dd[i % 3].append(i)
    print(dict(dd), dd[99], len(dd))
    Point = collections.namedtuple("Point", "x y", defaults=[0])
    p = Point(3)
    print(p, p._replace(y=5), p._asdict(), Point._fields, p.x + p[1], Point(*[1, 2]))
    od = collections.OrderedDict.fromkeys("abc")
    od.move_to_end("a")
    print(list(od), od.popitem(last=False))
    cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
    print(cm["a"], cm["b"], sorted(cm), cm.new_child({"c": 4})["c"])
    try:
        Point(1, 2, 3)
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
