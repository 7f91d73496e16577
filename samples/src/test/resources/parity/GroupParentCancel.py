from prelude import *


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        out(name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    out(name, "done")


async def exits_waiting():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("w", 1))
    out("not reached")


async def fails_and_cancelled():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("f", 0.05, True))
        await asyncio.sleep(0.005)  # one child pending at each abort: TaskGroup keeps a set
        tg.create_task(child("g", 1))
        await asyncio.sleep(1)


async def main():
    t = asyncio.create_task(exits_waiting())
    await asyncio.sleep(0.01)
    t.cancel("parent")
    try:
        await t
    except asyncio.CancelledError as e:
        out("group in exit", d(e), t.cancelled())
    t = asyncio.create_task(fails_and_cancelled())
    await asyncio.sleep(0.1)
    out("f failed; now cancel the parent too")
    t.cancel()
    try:
        await t
    except ExceptionGroup as eg:
        out("errors win", d(eg))
    except asyncio.CancelledError:
        out("cancellation won")
    t = asyncio.create_task(fails_and_cancelled())
    await asyncio.sleep(0)
    t.cancel("early")
    try:
        await t
    except ExceptionGroup as eg:
        out("errors win", d(eg))
    except asyncio.CancelledError as e:
        out("cancelled before the failure", d(e))


go(main())
