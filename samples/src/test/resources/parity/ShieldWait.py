from prelude import *


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        out(name, "cancelled", d(e))
        raise
    if fail:
        raise ValueError(name)
    out(name, "done")
    return name


async def waiter(aw):
    try:
        return await aw
    except asyncio.CancelledError as e:
        out("waiter cancelled", d(e))
        raise


async def main():
    inner = asyncio.create_task(job("inner", 0.1))
    w = asyncio.create_task(waiter(asyncio.shield(inner)))
    await asyncio.sleep(0.005)
    w.cancel("go away")
    try:
        await w
    except asyncio.CancelledError as e:
        out("w", d(e), inner.done())
    out("inner result", await inner)
    inner2 = asyncio.create_task(job("inner2", 1))
    outer2 = asyncio.shield(inner2)
    await asyncio.sleep(0)
    inner2.cancel("inner cancelled")
    try:
        await outer2
    except asyncio.CancelledError as e:
        out("outer2", d(e), outer2.cancelled())
    s = asyncio.shield(job("coro", 0.01, True))
    try:
        await s
    except ValueError as e:
        out("shielded coroutine raised", d(e))
    a = asyncio.create_task(job("a", 0.1))
    b = asyncio.create_task(job("b", 0.02, True))
    c = asyncio.create_task(job("c", 0.3))
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_EXCEPTION)
    out("first exception", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait([a, c], timeout=0.15)
    out("timeout", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending), c.cancelled())
    done, pending = await asyncio.wait([a, c], return_when=asyncio.FIRST_COMPLETED)
    out("first completed with one done", len(done), len(pending))
    done, pending = await asyncio.wait([c])
    out("all", len(done), len(pending), d(b.exception()))
    try:
        await asyncio.wait([])
    except ValueError as e:
        out("empty", d(e))
    coro = job("coro2", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        out("coroutine", d(e))
    coro.close()


go(main())
