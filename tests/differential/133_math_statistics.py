"""math and statistics functions over data computed in compiled loops; domain errors and their messages."""
import math
import statistics


def main():
    data = [((i * 13) % 17) / 3 for i in range(40)]
    print(round(statistics.mean(data), 6), statistics.median(data), round(statistics.pstdev(data), 6), statistics.mode([1, 2, 2, 3]))
    print(math.gcd(84, 36), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.isqrt(10**20 + 1), math.factorial(20))
    print(math.hypot(3, 4), math.dist((0, 0), (1, 1)), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
    print(math.log(math.e), math.log2(1024), math.log10(0.001), math.atan2(1, 1), math.degrees(math.pi), math.isclose(0.1 + 0.2, 0.3))
    for fn, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -5), (math.acos, 2), (math.factorial, -1), (math.factorial, 2.5)]:
        try:
            fn(arg)
        except (ValueError, TypeError) as e:
            print(fn.__name__, arg, type(e).__name__ + ":", e)
    acc = 0.0
    for i in range(1, 2000):
        acc += math.sin(i) * math.cos(i) / i
    print(round(acc, 10))
    try:
        statistics.mean([])
    except statistics.StatisticsError as e:
        print("StatisticsError:", e)


main()
main()  # again: the second run goes through code compiled during the first
