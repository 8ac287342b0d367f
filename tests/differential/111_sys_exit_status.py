"""sys.exit from deep inside compiled calls: finally blocks run, atexit handlers run, exit status and stderr message."""
import atexit
import sys


def cleanup():
    print("atexit handler")


atexit.register(cleanup)


def inner(n):
    try:
        if n == 3:
            sys.exit("fatal: stopping at %d" % n)
        return n
    finally:
        print("inner finally", n)


def outer():
    for i in range(5):
        try:
            inner(i)
        except Exception:
            print("Exception handler must not see SystemExit")


try:
    outer()
except SystemExit as e:
    print("caught SystemExit:", e.code)
    try:
        raise SystemExit(0)
    except SystemExit as e2:
        print("code", e2.code)
print("exiting with 4")
sys.exit(4)
