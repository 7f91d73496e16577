from prelude import *


async def locker(lock, name, hold):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        out(name, "cancelled while waiting", lock.locked())
        raise
    try:
        out(name, "acquired")
        await asyncio.sleep(hold)
    finally:
        lock.release()
        out(name, "released")


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(locker(lock, n, 0.005)) for n in "abcd"]
    await asyncio.sleep(0)
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    out("locked", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        out("release unlocked", d(e))
    sem = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(locker(sem, n, 0.005)) for n in "efghi"]
    await asyncio.sleep(0)
    out("value", sem._value, sem.locked())
    tasks[2].cancel()
    tasks[3].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    out("value", sem._value, sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        out("bounded", d(e))
    sem0 = asyncio.Semaphore(0)
    w = asyncio.create_task(locker(sem0, "z", 0))
    await asyncio.sleep(0)
    sem0.release()
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        out("z cancelled after release", sem0._value)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        out("negative", d(e))


go(main())
