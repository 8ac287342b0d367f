"""Module-level code: hot loops using STORE_NAME/LOAD_NAME, module-level try/with/match, globals() and locals() at module level."""
total = 0
for i in range(2000):
    total += i * i
    if i % 500 == 0:
        last = i
print(total, last)
names = []
for word in "alpha beta gamma".split():
    names.append(word.title())
print(names)
try:
    value = undefined_at_module  # noqa: F821
except NameError as e:
    value = str(e)
print(value)
match names:
    case [first, *_]:
        print("first", first)
k = 0
while k < 1000:
    k += 7
print(k)
print(locals() is globals(), sorted(n for n in globals() if not n.startswith("__"))[:6])
squares = {n: n * n for n in range(5)}
print(squares)
del total
print("total" in globals())
