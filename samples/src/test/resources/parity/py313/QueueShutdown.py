from prelude import *


async def getter(q, name):
    try:
        out(name, "got", await q.get())
    except asyncio.QueueShutDown as e:
        out(name, "get raised", d(e))


async def putter(q, name, item):
    try:
        await q.put(item)
        out(name, "put", item)
    except asyncio.QueueShutDown as e:
        out(name, "put raised", d(e))


async def joiner(q, name):
    await q.join()
    out(name, "join returned")


async def main():
    # graceful: items stay gettable, puts fail, getters on an empty queue fail
    q = asyncio.Queue(2)
    q.put_nowait(1)
    q.put_nowait(2)
    p = asyncio.create_task(putter(q, "p1", 3))
    j = asyncio.create_task(joiner(q, "j1"))
    await asyncio.sleep(0)
    q.shutdown()
    out("shutdown", q.qsize(), q.full(), q.empty())
    await asyncio.sleep(0)
    try:
        q.put_nowait(4)
    except asyncio.QueueShutDown as e:
        out("put_nowait", d(e))
    out("get_nowait", q.get_nowait(), await q.get())
    try:
        q.get_nowait()
    except asyncio.QueueShutDown as e:
        out("get_nowait empty", d(e))
    g = asyncio.create_task(getter(q, "g1"))
    await asyncio.sleep(0)
    q.task_done()
    q.task_done()
    await asyncio.gather(p, j, g)
    q.shutdown()
    out("shutdown twice ok")

    # getters blocked on an empty queue are woken by shutdown
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(q, f"g{i}")) for i in range(2)]
    await asyncio.sleep(0)
    q.shutdown()
    await asyncio.gather(*gs)

    # immediate: drained, unfinished count reduced, joiners and putters released
    q = asyncio.Queue(2)
    q.put_nowait("a")
    q.put_nowait("b")
    p = asyncio.create_task(putter(q, "p2", "c"))
    j = asyncio.create_task(joiner(q, "j2"))
    g = None
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    out("immediate", q.qsize(), q.empty())
    await asyncio.gather(p, j)
    try:
        await q.get()
    except asyncio.QueueShutDown as e:
        out("get after immediate", d(e))
    try:
        q.task_done()
    except ValueError as e:
        out("task_done", d(e))

    # immediate with an item taken but not done: join waits for its task_done
    q = asyncio.Queue()
    q.put_nowait("x")
    q.put_nowait("y")
    out("took", q.get_nowait())
    j = asyncio.create_task(joiner(q, "j3"))
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    await asyncio.sleep(0)
    out("joiner done", j.done())
    q.task_done()
    await j
    # priority and lifo queues
    for cls in (asyncio.PriorityQueue, asyncio.LifoQueue):
        q = cls()
        for i in (3, 1, 2):
            q.put_nowait(i)
        q.shutdown()
        out(cls.__name__, [q.get_nowait() for _ in range(3)])
        try:
            await q.get()
        except asyncio.QueueShutDown as e:
            out(cls.__name__, d(e))


go(main())
