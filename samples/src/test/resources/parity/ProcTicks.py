from prelude import *
from asyncio.subprocess import PIPE
ticks = 0


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    for kw in ({}, {"stdout": PIPE}, {"stdin": PIPE, "stdout": PIPE, "stderr": PIPE}):
        before = ticks
        p = await asyncio.create_subprocess_exec("true", **kw)
        out("exec", sorted(kw), ticks - before)
        await p.wait()
    before = ticks
    try:
        await asyncio.create_subprocess_exec("/nonexistent/x")
    except OSError:
        out("failed exec", ticks - before)
    t.cancel()


go(main())
