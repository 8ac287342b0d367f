"""BF: an object-oriented Brainfuck interpreter running the classic nested
loop benchmark, which prints ZYXWVUTSRQPONMLKJIHGFEDCBA and a newline.

"bf" runs the full program (hundreds of millions of operations); "bf_quick"
runs the same program with three fewer levels of the innermost loop nest,
which prints the same text 1,000 times faster.
"""

import sys

INC, MOVE, PRINT, LOOP = range(4)


class Op:
    def __init__(self, op, val):
        self.op = op
        self.val = val


class Tape:
    def __init__(self):
        self.cells = [0]
        self.pos = 0

    def get(self):
        return self.cells[self.pos]

    def inc(self, x):
        self.cells[self.pos] += x

    def move(self, x):
        self.pos += x
        while self.pos >= len(self.cells):
            self.cells.extend([0] * len(self.cells))


class Printer:
    def __init__(self, quiet):
        self.quiet = quiet
        self.sum1 = 0
        self.sum2 = 0

    def print(self, n):
        if self.quiet:
            self.sum1 = (self.sum1 + n) % 255
            self.sum2 = (self.sum2 + self.sum1) % 255
        else:
            sys.stdout.write(chr(n))

    @property
    def checksum(self):
        return (self.sum2 << 8) | self.sum1


SIMPLE = {"+": (INC, 1), "-": (INC, -1), ">": (MOVE, 1), "<": (MOVE, -1), ".": (PRINT, 0)}


def parse(text, i=0):
    """Ops of ``text`` from ``i`` up to the matching ``]`` (or the end);
    returns them and the index after that bracket."""
    ops = []
    while i < len(text):
        c = text[i]
        i += 1
        if c in SIMPLE:
            ops.append(Op(*SIMPLE[c]))
        elif c == "[":
            body, i = parse(text, i)
            ops.append(Op(LOOP, body))
        elif c == "]":
            break
    return ops, i


def run(program, tape, printer):
    i = 0
    n = len(program)
    while i < n:
        op = program[i]
        if op.op == INC:
            tape.inc(op.val)
        elif op.op == MOVE:
            tape.move(op.val)
        elif op.op == LOOP:
            while tape.get() > 0:
                run(op.val, tape, printer)
        elif op.op == PRINT:
            printer.print(tape.get())
        i += 1


def nested(levels):
    """The benchmark with ``levels`` nested ten-fold loops around the
    innermost ``[-]`` of each letter (the classic bench.b has six)."""
    return (
        ">++[<+++++++++++++>-]<[[>+>+<<-]>[<+>-]++++++++[>++++++++<-]>.[-]<<>"
        + "++++++++++[>" * levels
        + "++++++++++[-]"
        + "<-]" * levels
        + "<-]++++++++++."
    )


FULL = nested(6)
QUICK = nested(3)
CHECKSUM = 23280


def interpret(text):
    printer = Printer(quiet=True)
    run(parse(text)[0], Tape(), printer)
    return printer.checksum


def run_program(text, n):
    checksum = 0
    for _ in range(n):
        checksum = interpret(text)
    if checksum != CHECKSUM:
        raise AssertionError("BF checksum = %r, expected %r" % (checksum, CHECKSUM))
    return checksum


def run_full(n):
    return run_program(FULL, n)


def run_quick(n):
    return run_program(QUICK, n)


ITEMS = {"bf": (run_full, 1), "bf_quick": (run_quick, 10)}

if __name__ == "__main__":
    from _timing import main

    main(ITEMS)
