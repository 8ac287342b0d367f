"""Conway's game of life on a small torus: nested loops, list-of-lists indexing, sets of tuples, generations compared."""


def step(grid):
    h, w = len(grid), len(grid[0])
    new = [[0] * w for _ in range(h)]
    for y in range(h):
        for x in range(w):
            n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dy or dx:
                        n += grid[(y + dy) % h][(x + dx) % w]
            new[y][x] = 1 if n == 3 or (n == 2 and grid[y][x]) else 0
    return new


def step_set(live, h, w):
    counts = {}
    for (y, x) in live:
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                if dy or dx:
                    k = ((y + dy) % h, (x + dx) % w)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}


def show(grid):
    return "\n".join("".join("#" if c else "." for c in row) for row in grid)


grid = [[0] * 12 for _ in range(10)]
for y, x in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (6, 6), (6, 7), (6, 8)]:
    grid[y][x] = 1
live = {(y, x) for y in range(10) for x in range(12) if grid[y][x]}
for gen in range(20):
    grid = step(grid)
    live = step_set(live, 10, 12)
    assert live == {(y, x) for y in range(10) for x in range(12) if grid[y][x]}, gen
print(show(grid))
print(sorted(live))
