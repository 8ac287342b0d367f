"""__del__ that resurrects its object, __del__ called once only, and finalization order of module globals at exit."""
import gc

graveyard = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.deaths = 0

    def __del__(self):
        self.deaths += 1
        print("__del__", self.name, "death", self.deaths)
        if self.deaths == 1:
            graveyard.append(self)


class AtExit:
    def __del__(self):
        print("AtExit finalized at interpreter shutdown")


def main():
    p = Phoenix("p1")
    del p
    print("graveyard", [x.name for x in graveyard])
    graveyard.clear()
    gc.collect()
    print("cleared graveyard")
    for i in range(3):
        Phoenix("temp%d" % i)
    print(len(graveyard))
    graveyard.clear()
    print("done")


# Two rounds: the second runs through code compiled during the first.
for _round in range(2):
    main()
    keeper = AtExit()
    print("end of module")
