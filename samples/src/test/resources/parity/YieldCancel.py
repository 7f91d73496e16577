from prelude import *


async def spinner(name):
    i = 0
    try:
        while True:
            await asyncio.sleep(0)
            i += 1
    except asyncio.CancelledError as e:
        out(name, "cancelled after", i, d(e), asyncio.current_task().cancelling())
        if name == "s2":
            asyncio.current_task().uncancel()
            await asyncio.sleep(0)
            out(name, "kept going")
            return "s2 value"
        raise


async def main():
    s1 = asyncio.create_task(spinner("s1"))
    for _ in range(3):
        await asyncio.sleep(0)
    s1.cancel("spin stop")
    out("s1", s1.cancelling())
    await asyncio.gather(s1, return_exceptions=True)
    s2 = asyncio.create_task(spinner("s2"))
    await asyncio.sleep(0)
    s2.cancel()
    s2.cancel()
    out("s2 result", await s2, s2.cancelling())
    s3 = asyncio.create_task(spinner("s3"))
    await asyncio.sleep(0)
    s3.cancel("m1")
    await asyncio.sleep(0)
    out("s3 done", s3.done(), s3.cancel("m2"))


go(main())
