from prelude import *


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        out(name, "done")
        return name
    except asyncio.CancelledError as e:
        out(name, "cancelled", d(e))
        raise


async def group_body(n):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(f"g{n}a", 1))
        tg.create_task(child(f"g{n}b", 0))  # done before the abort: TaskGroup keeps its tasks in a set
        out("body waits")
        await asyncio.sleep(1)
    out("not reached")


async def gather_body():
    return await asyncio.gather(child("x", 1), child("y", 1))


async def self_cancel(tg):
    tg.create_task(child("sib", 0.01))
    t = tg.create_task(child("victim", 1))
    await asyncio.sleep(0)
    t.cancel()
    out("victim cancelled alone")


async def main():
    t = asyncio.create_task(group_body(1))
    await asyncio.sleep(0.01)
    t.cancel("from outside")
    try:
        await t
    except asyncio.CancelledError as e:
        out("group task", d(e), t.cancelled())
    t = asyncio.create_task(gather_body())
    await asyncio.sleep(0.01)
    t.cancel("stop gather")
    try:
        await t
    except asyncio.CancelledError as e:
        out("gather task", d(e), t.cancelled())
    try:
        async with asyncio.timeout(0.01):
            await group_body(2)
    except TimeoutError as e:
        out("timeout around group", d(e), asyncio.current_task().cancelling())
    async with asyncio.TaskGroup() as tg:
        await self_cancel(tg)
    out("group survived a cancelled child")
    inner = asyncio.create_task(child("w", 1))
    t = asyncio.create_task(asyncio.wait_for(inner, 0.5))
    await asyncio.sleep(0.01)
    # No message: 3.11's wait_for cancels the inner task without it, 3.12's (asyncj's) passes it on.
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        out("wait_for cancelled", d(e), inner.cancelled())
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)

    async def cond_waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                out("cond waiter cancelled, holds lock:", lock.locked())
                raise
    t = asyncio.create_task(cond_waiter())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    out("lock after", lock.locked())


go(main())
