from prelude import *


class Boom(Exception):
    pass


async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise Boom(name)
        out("done", name)
        return name
    except asyncio.CancelledError as e:
        out("cancelled", name, d(e))
        raise


async def main():
    try:
        await asyncio.gather(work("a", 0.2), work("b", 0.02, True), work("c", 0.3))
    except Boom as e:
        out("gather raised", d(e))
    await asyncio.sleep(0.35)
    r = await asyncio.gather(work("d", 0.005), work("e", 0.001, True), return_exceptions=True)
    out("with exceptions", r)
    g = asyncio.gather(work("f", 1), work("g", 1))
    await asyncio.sleep(0)
    out("cancel gather", g.cancel("stop"))
    try:
        await g
    except asyncio.CancelledError as e:
        out("gather cancelled", d(e), g.cancelled())
    out("empty", await asyncio.gather())
    t = asyncio.create_task(work("h", 0.001), name="named")
    out("same twice", await asyncio.gather(t, t, work("i", 0)))
    f = asyncio.get_running_loop().create_future()
    f.set_result(5)
    out("done future", await asyncio.gather(f, asyncio.sleep(0, "x")))
    v = asyncio.create_task(work("v", 1))
    g2 = asyncio.gather(v, work("w", 0.01), return_exceptions=True)
    await asyncio.sleep(0)
    v.cancel()
    try:
        out("child cancelled", await g2)
    except asyncio.CancelledError as e:
        out("g2 raised", d(e))


go(main())
