"""Frames the hook must hand to the interpreter untouched, and behaviour
that must be identical with the hook installed."""

import asyncio
import sys
import traceback

import diojit


def test_generator_calls_count_creations_not_resumptions(jit):
    diojit.enable(threshold=1)

    def gen(n):
        for i in range(n):
            yield i * i

    assert list(gen(5)) == [0, 1, 4, 9, 16]
    assert sum(gen(100)) == sum(i * i for i in range(100))
    assert diojit.info(gen)["calls"] == 2


def test_coroutine_frames_are_not_profiled(jit):
    diojit.enable(threshold=1)

    async def inner(x):
        await asyncio.sleep(0)
        return x + 1

    async def outer():
        return [await inner(i) for i in range(3)]

    assert asyncio.run(outer()) == [1, 2, 3]
    assert diojit.info(inner)["calls"] == 0
    assert diojit.info(outer)["calls"] == 0


def test_generator_throw_and_close(jit):
    diojit.enable(threshold=1)
    log = []

    def gen():
        try:
            yield 1
            yield 2
        except KeyError as e:
            log.append(("caught", e.args))
            yield 3
        finally:
            log.append("finally")

    g = gen()
    assert next(g) == 1
    assert g.throw(KeyError("k")) == 3
    g.close()
    assert log == [("caught", ("k",)), "finally"]


def _trace_events(fn):
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name in ("traced", "callee"):
            events.append((event, frame.f_code.co_name, frame.f_lineno))
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return events


def traced():
    total = 0
    for i in range(3):
        total += callee(i)
    return total


def callee(x):
    return x * 2


def test_tracing_sees_identical_events_and_frames_pass_through(jit):
    diojit.enable(threshold=1)
    with_jit = _trace_events(traced)
    assert diojit.info(callee)["calls"] == 0
    diojit.disable()
    without = _trace_events(traced)
    assert with_jit == without
    assert ("call", "callee", callee.__code__.co_firstlineno) in with_jit


def test_profiling_sees_identical_events(jit):
    def run():
        events = []
        sys.setprofile(lambda frame, event, arg: events.append((event, frame.f_code.co_name)))
        try:
            traced()
        finally:
            sys.setprofile(None)
        return [e for e in events if e[1] in ("traced", "callee")]

    diojit.enable(threshold=1)
    with_jit = run()
    diojit.disable()
    assert with_jit == run()
    assert with_jit.count(("call", "callee")) == 3


def _raise_deep(n):
    if n == 0:
        raise ValueError("bottom")
    return _raise_deep(n - 1)


def test_exceptions_and_tracebacks_are_unchanged(jit):
    diojit.enable(threshold=1)

    def capture():
        try:
            _raise_deep(3)
        except ValueError:
            return traceback.format_exc()

    with_jit = capture()
    diojit.disable()
    assert with_jit == capture()
    assert with_jit.count("in _raise_deep") == 4


def test_sys_getframe_sees_the_callers(jit):
    diojit.enable(threshold=1)

    def inner():
        f = sys._getframe()
        return [f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno > 0]

    def outer():
        return inner()

    assert outer() == ["inner", "outer", True]
