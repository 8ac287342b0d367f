"""dataclasses: generated __init__/__repr__/__eq__, order, frozen, defaults and default_factory, __post_init__, fields, asdict, replace."""
import dataclasses
from dataclasses import dataclass, field


@dataclass(order=True)
class Card:
    rank: int
    suit: str = "hearts"
    tags: list = field(default_factory=list, compare=False)

    def __post_init__(self):
        self.label = "%d of %s" % (self.rank, self.suit)


@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0

    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    owner: str = "nobody"


def main():
    cards = [Card(r, s) for r, s in [(10, "spades"), (2, "clubs"), (10, "clubs"), (5, "hearts")]]
    print(sorted(cards))
    print(cards[0] == Card(10, "spades", ["x"]), cards[0].label, Card(3))
    p = Point(3, 4)
    print(p, p.dist(), hash(p) == hash(Point(3, 4)), dataclasses.replace(p, y=0))
    try:
        p.x = 1
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
    inv = Inventory()
    inv.items["apple"] = 3
    print(inv, Inventory(), dataclasses.asdict(inv), dataclasses.astuple(p))
    print([f.name for f in dataclasses.fields(Card)], dataclasses.is_dataclass(p))
    try:
        Card()
    except TypeError as e:
        print("TypeError:", e)
    try:
        @dataclass
        class Bad:
            a: int = 1
            b: int
    except TypeError as e:
        print("TypeError:", e)


main()
main()  # again: the second run goes through code compiled during the first
