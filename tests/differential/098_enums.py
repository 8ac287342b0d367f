"""enum: Enum, IntEnum, Flag, auto, lookup by value and name, iteration, aliases, unique, members in match and dicts."""
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


class Prio(enum.IntEnum):
    LOW = 1
    HIGH = 10


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def density_ratio(self):
        return round(self.mass / self.radius ** 3 / 1e3, 3)


def main():
    print(list(Color), Color(1), Color["GREEN"], Color.CRIMSON is Color.RED, Color.RED.name, Color.BLUE.value)
    print(Prio.HIGH > Prio.LOW, Prio.HIGH + 1, sorted([Prio.HIGH, Prio.LOW]), int(Prio.LOW))
    rw = Perm.R | Perm.W
    print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), [p.name for p in Perm])
    print(Planet.EARTH.density_ratio, Planet.MARS.mass)
    try:
        Color(7)
    except ValueError as e:
        print("ValueError:", e)
    try:
        Color["PINK"]
    except KeyError as e:
        print("KeyError:", e)
    try:
        @enum.unique
        class Dup(enum.Enum):
            A = 1
            B = 1
    except ValueError as e:
        print("ValueError:", e)
    counts = {c: 0 for c in Color}
    for i in range(30):
        counts[Color(i % 3 + 1)] += 1
    print(counts)
    print(repr(Color.GREEN), str(Prio.LOW), format(Prio.HIGH), f"{Color.BLUE}")


main()
main()  # again: the second run goes through code compiled during the first
