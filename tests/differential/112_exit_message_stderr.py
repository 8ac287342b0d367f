"""Exit paths: sys.exit with a string prints it on stderr (status 1); output flushed in order between stdout and stderr."""
import sys


def report(i):
    print("stdout line", i)
    print("stderr line", i, file=sys.stderr)


for i in range(3):
    report(i)
sys.stdout.flush()


def fail():
    raise SystemExit("goodbye from compiled code")


fail()
