"""The DIO-JIT table: one plain Python program per item, each checking its
own result (see ``_timing`` for how an item is timed).

Every program module defines ``ITEMS``: item name -> (run, calls), where
``run(n)`` makes n timed calls, raises on a wrong answer and returns a
result that every engine must agree on, and ``calls`` is the count at
scale 1 (about a second on CPython 3.11).
"""

# Program modules, in the order of the table.
MODULES = ["fib", "append3", "trans", "hypot", "selectsort", "bf", "dna", "fibs", "union_chain"]
