"""Start-up hook for ``DIOJIT=1``: imported by ``diojit.pth`` only when the
variable is set to a true value, so programs without it pay nothing."""

import sys


def _start():
    import diojit

    if diojit.IN_SUBINTERPRETER:
        return  # the main interpreter runs the JIT; subinterpreters need no word
    try:
        diojit.enable()
    except (RuntimeError, ValueError) as exc:
        # Never stop the program: report why, and run it without the JIT.
        sys.stderr.write("diojit: %s; running without the JIT\n" % exc)


_start()
