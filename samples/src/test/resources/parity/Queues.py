from prelude import *


async def producer(q, name, items):
    for i in items:
        out(name, "puts", i)
        await q.put(i)
        out(name, "put done", i, q.qsize(), q.full())


async def consumer(q, name, n):
    for _ in range(n):
        item = await q.get()
        out(name, "got", item)
        await asyncio.sleep(0)
        q.task_done()


async def getter(q, name):
    try:
        out(name, "got", await q.get())
    except asyncio.CancelledError:
        out(name, "cancelled")
        raise


async def main():
    q = asyncio.Queue(2)
    p1 = asyncio.create_task(producer(q, "p1", [1, 2, 3]))
    p2 = asyncio.create_task(producer(q, "p2", [10, 20]))
    await asyncio.sleep(0)
    c = asyncio.create_task(consumer(q, "c", 5))

    async def joiner():
        await q.join()
        out("joined", q.qsize())
    j = asyncio.create_task(joiner())
    await asyncio.gather(p1, p2, c, j)
    try:
        q.task_done()
    except ValueError as e:
        out("too many", str(e))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        out("empty", d(e))
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        out("full", d(e))
    q2 = asyncio.Queue()
    g1 = asyncio.create_task(getter(q2, "g1"))
    g2 = asyncio.create_task(getter(q2, "g2"))
    g3 = asyncio.create_task(getter(q2, "g3"))
    await asyncio.sleep(0)
    g1.cancel()
    q2.put_nowait("x")
    q2.put_nowait("y")
    await asyncio.gather(g1, g2, g3, return_exceptions=True)
    out("left", q2.qsize())
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 4, 2, 3):
        pq.put_nowait(x)
    out("priority", [pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    out("lifo", [await lq.get() for _ in range(3)])
    sq = asyncio.Queue(1)

    async def until_none():
        while (item := await sq.get()) is not None:
            out("item", item)
        out("sentinel", sq.qsize())
    c = asyncio.create_task(until_none())
    for x in ("u", "v", None):
        await sq.put(x)
    await c


go(main())
