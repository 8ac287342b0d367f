"""diojit's benchmark suite and side-by-side runner (``python -m bench``).

The runner side (``__main__``, ``engines``, ``dio``, ``pyperf_suite``,
``report``) runs on CPython 3.11; the child side (``child``,
``pyperf_worker``, ``jitstats``, ``programs``) runs in every measured
interpreter, PyPy 3.9 included, so it keeps to Python 3.9.
"""
