"""Reads diojit's counters inside a measured process, without importing diojit.

Benchmarks stay plain programs: the JIT reaches them only through DIOJIT=1,
whose start-up hook imports diojit; this module just looks for it.
"""

import sys


def jit_stats():
    """``diojit.stats()`` if the JIT is on in this process, else None."""
    diojit = sys.modules.get("diojit")
    if diojit is None or not diojit.is_enabled():
        return None
    return diojit.stats()
