from prelude import *
import re


def br(x):
    """The state part of a primitive's repr: [locked, waiters:1]."""
    return re.search(r"\[[^\[]*\]>$", repr(x)).group(0)[:-1]


async def waiter(event):
    out("waiting for it ...")
    await event.wait()
    out("... got it!")


async def example_barrier():
    b = asyncio.Barrier(3)
    asyncio.create_task(b.wait())
    asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    out(br(b))
    out("index", await b.wait())
    out(br(b))
    out("barrier passed")
    await asyncio.sleep(0)
    out(br(b))


async def locker(name, lock, delay):
    async with lock:
        out(name, "has the lock", br(lock))
        await asyncio.sleep(delay)
    out(name, "released")


async def sem_worker(name, sem):
    async with sem:
        out(name, "in", br(sem), sem.locked())
        await asyncio.sleep(0.01)
    out(name, "out")


async def consumer(name, cond, items):
    async with cond:
        r = await cond.wait_for(lambda: len(items) > 0)
        out(name, "got", items.pop(0), r)


async def main():
    event = asyncio.Event()
    waiter_task = asyncio.create_task(waiter(event))
    await asyncio.sleep(0.01)
    out(br(event))
    event.set()
    out(br(event))
    await waiter_task
    out("wait on set event", await event.wait())
    event.clear()
    out(br(event), event.is_set())

    lock = asyncio.Lock()
    out(br(lock), lock.locked())
    tasks = [asyncio.create_task(locker(n, lock, 0.01)) for n in "abc"]
    await asyncio.sleep(0)
    out(br(lock), lock.locked())
    await asyncio.gather(*tasks)
    out(br(lock))
    try:
        lock.release()
    except RuntimeError as e:
        out("release unlocked", d(e))
    out("acquire", await lock.acquire(), br(lock))
    lock.release()

    sem = asyncio.Semaphore(2)
    out(br(sem), sem.locked())
    tasks = [asyncio.create_task(sem_worker(n, sem)) for n in "abcd"]
    await asyncio.sleep(0)
    out(br(sem), sem.locked())
    await asyncio.gather(*tasks)
    out(br(sem))
    sem.release()
    out("over-released", br(sem))
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        out("bounded", d(e))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        out("negative", d(e))

    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(n, cond, items)) for n in "xy"]
    await asyncio.sleep(0)
    out(br(cond))
    async with cond:
        items.append(1)
        cond.notify()
        out(br(cond))
    await asyncio.sleep(0)
    async with cond:
        items.append(2)
        cond.notify_all()
    await asyncio.gather(*tasks)
    out(br(cond))
    try:
        cond.notify()
    except RuntimeError as e:
        out("notify unlocked", d(e))
    try:
        await cond.wait()
    except RuntimeError as e:
        out("wait unlocked", d(e))

    await example_barrier()
    b = asyncio.Barrier(2)
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    await b.abort()
    out(br(b), b.broken)
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        out("waiter", d(e))
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        out("wait on broken", d(e))
    await b.reset()
    out(br(b), b.broken, b.parties, b.n_waiting)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        out("parties", d(e))


go(main())
