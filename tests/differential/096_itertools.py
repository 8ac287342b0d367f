"""itertools: chain, islice, count, cycle, product, permutations, combinations, groupby, accumulate, zip_longest, tee, starmap."""
import itertools
import operator


def main():
    print(list(itertools.chain([1, 2], "ab", range(2))), list(itertools.chain.from_iterable([[1], [2, 3]])))
    print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice(itertools.cycle("xyz"), 7)))
    print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=3))))
    print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abcd", 2)))
    print(list(itertools.combinations_with_replacement([1, 2], 2)))
    data = "aaabccddddde"
    print([(k, len(list(g))) for k, g in itertools.groupby(data)])
    print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
    print(list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
    print(list(itertools.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
    a, b = itertools.tee(iter(range(4)))
    print(list(a), list(b), list(itertools.takewhile(lambda x: x < 3, range(10))))
    print(list(itertools.dropwhile(lambda x: x < 7, range(10))), list(itertools.filterfalse(None, [0, 1, 0, 2])))
    print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.repeat("r", 3)), list(itertools.pairwise("abcd")))
    total = 0
    for x, y in itertools.product(range(30), range(30)):
        total += x * y
    print(total)


main()
main()  # again: the second run goes through code compiled during the first
