from prelude import *

# Cases ported from CPython 3.11's test_queues.py. Private state (_getters, _putters) is read
# through the str: the Java twin's toString writes the same fields. Left out: a putter future
# pushed into _putters by hand, a float maxsize, generic aliases.


def fmt(q):
    # Without the class name (AsyncQueue for Queue).
    s = str(q)
    return s[s.index(' ') + 1:-1]


log = []


async def basic(make, name):
    q = make()
    out(name, "empty", q.empty(), q.full(), q.qsize(), q.maxsize, fmt(q))
    await q.put(1)
    out(name, "empty", q.empty(), fmt(q))
    out(name, "empty", await q.get(), q.empty())
    q = make(1)
    await q.put(1)
    out(name, "full", q.full(), q.maxsize)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        out(name, "nonblocking_put_exception", d(e))
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        out(name, "nonblocking_get_exception", d(e))
    q = make()
    for i in [5, 1, 4, 2, 3]:
        await q.put(i)
    out(name, "order", fmt(q), [q.get_nowait() for _ in range(5)])
    for i in [1, 3, 2]:
        await q.put(i)
    out(name, "order", [await q.get() for _ in range(3)])
    try:
        q.task_done()
    except ValueError as e:
        out(name, "task_done_underflow", d(e))
    q = make()
    for i in range(100):
        q.put_nowait(i)
    acc = [0, True]
    log.clear()

    async def worker(n):
        while acc[1]:
            item = await q.get()
            acc[0] += item
            if item < 3:
                log.append(f"{n}:{item}")
            q.task_done()

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(i)) for i in range(2)]
        await q.join()
        out(name, "task_done", acc[0], fmt(q))
        acc[1] = False
        for _ in tasks:
            q.put_nowait(0)
    out(name, "task_done", log, fmt(q))
    q = make()
    await q.join()
    await q.join()
    out(name, "join_empty_queue", fmt(q))


async def reprs():
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        getter = tg.create_task(q.get())
        await asyncio.sleep(0)
        out("repr", fmt(q))
        q.put_nowait(0)
    out("repr", await getter, fmt(q))
    q = asyncio.Queue(maxsize=1)
    async with asyncio.TaskGroup() as tg:
        q.put_nowait(1)
        putter = tg.create_task(q.put(2))
        await asyncio.sleep(0)
        out("repr", fmt(q))
        q.get_nowait()
    out("repr", putter.done(), fmt(q))


async def maxsize():
    q = asyncio.Queue(maxsize=2)
    have_been_put = []

    async def putter():
        for i in range(3):
            await q.put(i)
            have_been_put.append(i)
        return True

    t = asyncio.create_task(putter())
    for i in range(2):
        await asyncio.sleep(0)
    out("maxsize", have_been_put, await q.get())
    await asyncio.sleep(0)
    out("maxsize", have_been_put, await q.get(), await q.get(), t.done(), t.result())


async def get_tests():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    started = asyncio.Event()
    finished = []

    async def queue_get():
        started.set()
        res = await q.get()
        finished.append(True)
        return res

    t = asyncio.create_task(queue_get())
    await started.wait()
    out("blocking_get_wait", finished)
    loop.call_later(0.01, q.put_nowait, 1)
    out("blocking_get_wait", await t, finished)

    q = asyncio.Queue()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    out("get_cancelled_race", t1.done(), fmt(q))
    await q.put('a')
    await asyncio.sleep(0)
    out("get_cancelled_race", await t2, fmt(q))

    q = asyncio.Queue(maxsize=1)
    asyncio.create_task(q.put('a'))
    asyncio.create_task(q.put('b'))
    out("get_with_waiting_putters", await q.get(), await q.get())

    log.clear()

    async def consumer(queue, n):
        for _ in range(n):
            log.append(f"got {await queue.get()}")

    async def producer(queue, n):
        for i in range(n):
            await queue.put(i)
            log.append(f"put {i}")

    q = asyncio.Queue(1)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(q, 5))
        tg.create_task(consumer(q, 5))
    out("why_are_getters_waiting", log)

    queue = asyncio.Queue(maxsize=5)
    try:
        await asyncio.wait_for(queue.get(), 0.01)
    except TimeoutError as e:
        out("cancelled_getters_not_held", d(e), fmt(queue))


async def put_tests():
    q = asyncio.Queue(maxsize=1)
    started = asyncio.Event()
    finished = []

    async def queue_put():
        started.set()
        await q.put(1)
        await q.put(2)
        finished.append(True)

    loop = asyncio.get_running_loop()
    loop.call_later(0.01, q.get_nowait)
    t = asyncio.create_task(queue_put())
    await started.wait()
    out("blocking_put_wait", finished)
    await t
    out("blocking_put_wait", finished, fmt(q))

    q = asyncio.Queue()
    reader = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
        out("get_cancel_drop_one", "not cancelled")
    except asyncio.CancelledError:
        out("get_cancel_drop_one", "cancelled")
        reader = asyncio.create_task(q.get())
        await reader
    out("get_cancel_drop_one", reader.result(), fmt(q))

    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        reader1 = tg.create_task(q.get())
        reader2 = tg.create_task(q.get())
        reader3 = tg.create_task(q.get())
        await asyncio.sleep(0)
        q.put_nowait(1)
        q.put_nowait(2)
        reader1.cancel()
        try:
            await reader1
        except asyncio.CancelledError as e:
            out("get_cancel_drop_many", d(e))
        await reader3
    out("get_cancel_drop_many", reader2.result(), reader3.result(), fmt(q))

    q = asyncio.Queue(1)
    q.put_nowait(1)
    writer = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    out("put_cancel_drop", q.get_nowait())
    writer.cancel()
    try:
        await writer
        out("put_cancel_drop", "not cancelled")
    except asyncio.CancelledError:
        out("put_cancel_drop", "cancelled")
        writer = asyncio.create_task(q.put(2))
        await writer
    out("put_cancel_drop", q.get_nowait(), q.qsize())

    q = asyncio.Queue(maxsize=1)
    put_a = asyncio.create_task(q.put('a'))
    put_b = asyncio.create_task(q.put('b'))
    put_c = asyncio.create_task(q.put('X'))
    await asyncio.sleep(0)
    out("put_cancelled_race", put_a.done(), put_b.done(), fmt(q))
    put_c.cancel()
    await asyncio.sleep(0)
    out("put_cancelled_race", put_c.done(), q.get_nowait())
    await asyncio.sleep(0)
    out("put_cancelled_race", q.get_nowait())
    await put_b
    out("put_cancelled_race", fmt(q))

    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    await q.put('a')
    out("put_with_waiting_getters", await t)

    queue = asyncio.Queue(2)
    log.clear()

    async def putter(item):
        await queue.put(item)
        log.append(f"put {item}")

    async def getter():
        await asyncio.sleep(0)
        num = queue.qsize()
        for _ in range(num):
            log.append(f"got {queue.get_nowait()}")

    async with asyncio.TaskGroup() as tg:
        tg.create_task(getter())
        for i in range(4):
            tg.create_task(putter(i))
    out("why_are_putters_waiting", log, fmt(queue))

    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait(1)
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    out("cancelled_puts_not_held", fmt(queue))
    put_task.cancel()
    try:
        await put_task
    except asyncio.CancelledError as e:
        out("cancelled_puts_not_held", d(e), fmt(queue))

    queue = asyncio.Queue(1)
    queue.put_nowait(1)
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    queue.get_nowait()
    out("cancelled_put_silence", fmt(queue))
    put_task.cancel()
    try:
        await put_task
    except asyncio.CancelledError as e:
        out("cancelled_put_silence", d(e), fmt(queue))


async def main():
    await basic(asyncio.Queue, "Queue")
    await basic(asyncio.LifoQueue, "LifoQueue")
    await basic(asyncio.PriorityQueue, "PriorityQueue")
    await reprs()
    await maxsize()
    await get_tests()
    await put_tests()


go(main())
