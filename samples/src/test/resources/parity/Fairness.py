from prelude import *


async def getter(q, name):
    out(name, "got", await q.get())


async def putter(q, x):
    await q.put(x)
    out("put", x)


async def acquirer(lock, name):
    await lock.acquire()
    out(name, "acquired")
    await asyncio.sleep(0)
    lock.release()
    out(name, "released")


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("x")
    out("stolen", q.get_nowait())
    q.put_nowait("y")
    await asyncio.sleep(0)
    out("after one step", g1.done(), g2.done(), q.qsize())
    q.put_nowait("z")
    await asyncio.gather(g1, g2)
    q2 = asyncio.Queue(1)
    q2.put_nowait(0)
    p1 = asyncio.create_task(putter(q2, 1))
    p2 = asyncio.create_task(putter(q2, 2))
    await asyncio.sleep(0)
    out("took", q2.get_nowait())
    q2.put_nowait(99)
    await asyncio.sleep(0)
    out("after one step", p1.done(), p2.done(), q2.qsize())
    out("took", q2.get_nowait())
    await asyncio.sleep(0)
    out("took", q2.get_nowait())
    await asyncio.gather(p1, p2)
    out("took", q2.get_nowait())
    for prim in (asyncio.Lock(), asyncio.Semaphore(1)):
        await prim.acquire()
        ts = [asyncio.create_task(acquirer(prim, n)) for n in ("a", "b")]
        await asyncio.sleep(0)
        prim.release()
        late = asyncio.create_task(acquirer(prim, "late"))
        await asyncio.gather(*ts, late)
        out(type(prim).__name__, "done", prim.locked())


go(main())
