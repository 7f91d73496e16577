from prelude import *


async def level(n, action):
    try:
        if n == 0:
            if action == "raise":
                await asyncio.sleep(0)
                raise ValueError("deep")
            return await asyncio.sleep(1, "slept")
        return await level(n - 1, action)
    finally:
        out("finally", n)
        if n == 1:
            await asyncio.sleep(0)
            out("finally", n, "after await")


async def finally_raises():
    try:
        await level(1, "raise")
    finally:
        out("outer finally")
        await asyncio.sleep(0)
        raise KeyError("replaced")


async def leaf(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        out(name, "cancelled", d(e))
        raise


async def awaits_task(inner):
    try:
        await inner
    except asyncio.CancelledError as e:
        out("awaiter cancelled", d(e))
        raise


async def main():
    try:
        await level(2, "raise")
    except ValueError as e:
        out("caught", d(e))
    t = asyncio.create_task(level(2, "sleep"))
    await asyncio.sleep(0)
    t.cancel("deep cancel")
    try:
        await t
    except asyncio.CancelledError as e:
        out("chain cancelled", d(e))
    try:
        await finally_raises()
    except KeyError as e:
        out("caught", d(e))
    inner = asyncio.create_task(leaf("inner"))
    outer = asyncio.create_task(awaits_task(inner))
    await asyncio.sleep(0)
    outer.cancel("through")
    await asyncio.gather(outer, return_exceptions=True)
    out("inner cancelled too", inner.cancelled(), inner.cancelling(), outer.cancelling())
    me = asyncio.current_task()

    async def both():
        try:
            async with asyncio.timeout(0):  # expires in the same iteration as the cancel below
                await asyncio.sleep(1)
        except TimeoutError:
            out("timeout won")
        except asyncio.CancelledError as e:
            out("outer cancel won", d(e), asyncio.current_task().cancelling())
            raise
    t = asyncio.create_task(both())
    await asyncio.sleep(0)
    t.cancel("outer")
    await asyncio.gather(t, return_exceptions=True)
    out("t", t.cancelled())


go(main())
