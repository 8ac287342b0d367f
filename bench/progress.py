"""The progress line on stderr: rewritten in place on a terminal, one line
per step otherwise (CI logs)."""

import sys
import time


class Progress:
    def __init__(self, total, stream=sys.stderr):
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.stream = stream
        self.tty = stream.isatty()

    def step(self, text):
        """Announce the next of ``total`` steps."""
        self.done += 1
        elapsed = int(time.monotonic() - self.start)
        line = "[%*d/%d %d:%02d] %s" % (len(str(self.total)), self.done, self.total, elapsed // 60, elapsed % 60, text)
        self.stream.write("\r\x1b[K" + line if self.tty else line + "\n")
        self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
