"""A recursive-descent expression parser and evaluator (mutual recursion, exceptions for syntax errors, tokens via re)."""
import re

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(\*\*|[-+*/()%]))")


class ParseError(Exception):
    pass


def tokenize(s):
    pos = 0
    out = []
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m:
            raise ParseError("bad character %r at %d" % (s[pos], pos))
        num, op = m.groups()
        out.append(("num", float(num) if "." in num else int(num)) if num else ("op", op))
        pos = m.end()
    return out


class Parser:
    def __init__(self, tokens):
        self.toks = tokens
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else ("eof", None)

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v

    def term(self):
        v = self.factor()
        while self.peek()[0] == "op" and self.peek()[1] in "*/%":
            op = self.take()[1]
            rhs = self.factor()
            v = v * rhs if op == "*" else v / rhs if op == "/" else v % rhs
        return v

    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "**"):
            self.take()
            return base ** self.factor()
        return base

    def unary(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if (kind, val) == ("op", "-"):
            return -self.unary()
        if (kind, val) == ("op", "("):
            v = self.expr()
            if self.take() != ("op", ")"):
                raise ParseError("expected )")
            return v
        raise ParseError("unexpected %s %r" % (kind, val))


def evaluate(s):
    p = Parser(tokenize(s))
    v = p.expr()
    if p.peek()[0] != "eof":
        raise ParseError("trailing input at token %d" % p.i)
    return v


for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-4 + 10 % 3", "7 / 2", "1.5 * (2 - -3)", "((((5))))",
            "1 +", "2 * (3", "4 $ 4", "1 2", "1 / 0"]:
    try:
        print(src, "=", evaluate(src))
    except (ParseError, ZeroDivisionError) as e:
        print(src, "->", type(e).__name__ + ":", e)
