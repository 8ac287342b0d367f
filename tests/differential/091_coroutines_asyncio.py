"""Coroutines and async generators driven by asyncio from compiled code: await chains, gather, exceptions, async with/for."""
import asyncio


async def square(x):
    await asyncio.sleep(0)
    return x * x


async def failing(x):
    await asyncio.sleep(0)
    raise ValueError("failing %d" % x)


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        return "resource"

    async def __aexit__(self, *exc):
        print("aexit", exc[0].__name__ if exc[0] else None)
        return False


async def main():
    print(await square(7))
    print(await asyncio.gather(*(square(i) for i in range(5))))
    try:
        await failing(3)
    except ValueError as e:
        print("ValueError:", e)
    results = await asyncio.gather(square(2), failing(1), return_exceptions=True)
    print([repr(r) for r in results])
    print([x async for x in agen(4)])
    total = 0
    async for v in agen(10):
        total += v
    print(total)
    async with AsyncCM() as r:
        print("inside", r)
    try:
        async with AsyncCM():
            raise KeyError("in async with")
    except KeyError as e:
        print("KeyError:", e)
    t = asyncio.ensure_future(square(9))
    print(await t, t.done())


asyncio.run(main())
