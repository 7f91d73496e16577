from prelude import *


async def worker(name, queue):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        out(f"{name} has slept for {sleep_for:.2f} seconds")


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        out("put", i, queue.qsize(), queue.full())


async def main():
    queue = asyncio.Queue()
    total = 0
    for s in [0.05, 0.3, 0.2, 0.1, 0.25, 0.05]:
        total += s
        queue.put_nowait(s)
    tasks = []
    for i in range(3):
        tasks.append(asyncio.create_task(worker(f"worker-{i}", queue)))
    await queue.join()
    for task in tasks:
        task.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    out("results", [d(r) for r in res], queue.empty(), queue.qsize())
    out(f"total expected sleep time: {total:.2f} seconds")

    q = asyncio.Queue(maxsize=2)
    out("maxsize", q.maxsize, q.full(), q.empty())
    p = asyncio.create_task(producer(q, 4))
    await asyncio.sleep(0)
    out("full", q.full(), q.qsize())
    try:
        q.put_nowait(9)
    except asyncio.QueueFull as e:
        out("put_nowait", d(e))
    got = []
    while len(got) < 4:
        got.append(await q.get())
        q.task_done()
    await p
    out("got", got, q._unfinished_tasks)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        out("get_nowait", d(e))
    try:
        q.task_done()
    except ValueError as e:
        out("task_done", d(e))
    await q.join()
    out("join on nothing returns")

    q = asyncio.Queue(maxsize=-1)
    for i in range(5):
        q.put_nowait(i)
    out("negative maxsize", q.maxsize, q.full(), q.qsize())

    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    out("lifo", [lq.get_nowait() for _ in range(3)])
    pq = asyncio.PriorityQueue()
    for i in [5, 1, 4, 1, 3]:
        pq.put_nowait(i)
    out("priority", [pq.get_nowait() for _ in range(5)])

    # getters are served in order, a put wakes the first one
    q = asyncio.Queue()
    async def getter(n):
        out("getter", n, "got", await q.get())
    gs = [asyncio.create_task(getter(n)) for n in range(3)]
    await asyncio.sleep(0)
    for i in "abc":
        q.put_nowait(i)
    await asyncio.gather(*gs)
    # get with timeout
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError as e:
        out("get timed out", d(e), q.qsize())
    q.put_nowait("late")
    out("after timeout", await q.get())


go(main())
