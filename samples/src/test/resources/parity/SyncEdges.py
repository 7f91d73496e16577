from prelude import *


async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        out("wait unlocked", d(e))
    try:
        cond.notify_all()
    except RuntimeError as e:
        out("notify_all unlocked", d(e))
    try:
        cond.release()
    except RuntimeError as e:
        out("release unlocked", d(e))
    lock = asyncio.Lock()
    cond2 = asyncio.Condition(lock)
    await lock.acquire()
    out("shared lock", cond2.locked(), await cond2.wait_for(lambda: True))
    lock.release()
    out("after release", cond2.locked())
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        out("barrier 0", d(e))
    b = asyncio.Barrier(2)
    out("barrier", b.parties, b.n_waiting, b.broken)
    await b.abort()
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        out("wait on broken", d(e))
    await b.reset()
    out("reset", b.broken)
    e = asyncio.Event()
    out("event", e.is_set(), e.set(), e.is_set(), await e.wait(), e.clear(), e.is_set())
    sem = asyncio.Semaphore(0)
    out("sem", sem.locked())
    sem.release()
    sem.release()
    out("sem released twice", sem.locked(), await sem.acquire(), await sem.acquire(), sem.locked())
    bs = asyncio.BoundedSemaphore(2)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        out("bounded", str(e))
    # an event waiter cancelled, the others woken
    ev = asyncio.Event()

    async def waiter(name):
        try:
            out(name, "woke", await ev.wait())
        except asyncio.CancelledError:
            out(name, "cancelled")
            raise
    ts = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep(0)
    ts[1].cancel()
    ev.set()
    await asyncio.gather(*ts, return_exceptions=True)
    # a lock handed to a waiter that is then cancelled goes to the next one
    lk = asyncio.Lock()
    await lk.acquire()

    async def locker(name):
        try:
            await lk.acquire()
        except asyncio.CancelledError:
            out(name, "cancelled waiting")
            raise
        out(name, "has the lock")
        lk.release()
    ts = [asyncio.create_task(locker(n)) for n in "xyz"]
    await asyncio.sleep(0)
    lk.release()
    ts[0].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    out("lock free", lk.locked())


go(main())
