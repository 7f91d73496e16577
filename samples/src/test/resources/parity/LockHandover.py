from prelude import *


async def user(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        out(name, "cancelled while waiting; locked:", lock.locked())
        raise
    out(name, "has the lock")
    await asyncio.sleep(0)
    lock.release()


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(user(lock, "a"))
    b = asyncio.create_task(user(lock, "b"))
    c = asyncio.create_task(user(lock, "c"))
    await asyncio.sleep(0)
    lock.release()
    a.cancel()  # woken, then cancelled before it runs: the lock goes to b
    await asyncio.gather(a, b, c, return_exceptions=True)
    out("locked", lock.locked())
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    await sem.acquire()
    ts = [asyncio.create_task(user(sem, n)) for n in ("x", "y", "z")]
    await asyncio.sleep(0)
    sem.release()
    ts[0].cancel()
    sem.release()
    await asyncio.gather(*ts, return_exceptions=True)
    out("semaphore", sem._value, sem.locked())
    ev = asyncio.Event()
    w = [asyncio.create_task(ev.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    w[1].cancel()
    ev.set()
    r = await asyncio.gather(*w, return_exceptions=True)
    out("event", [type(x).__name__ if isinstance(x, BaseException) else x for x in r])


go(main())
