from prelude import *

ticks = 0


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


def step(what):
    out(what, "ticks", ticks)


async def holder(lock, ev):
    async with lock:
        await ev.wait()


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    step("start")
    b = asyncio.Barrier(1)
    await b.wait()
    step("barrier of one")
    cond = asyncio.Condition()
    async with cond:
        await cond.wait_for(lambda: True)
    step("wait_for true")
    lock = asyncio.Lock()
    ev = asyncio.Event()
    h = asyncio.create_task(holder(lock, ev))
    await asyncio.sleep(0)
    step("holder has it")
    ev.set()
    await lock.acquire()
    step("lock handed over")
    lock.release()
    await h
    sem = asyncio.Semaphore(0)
    asyncio.get_running_loop().call_soon(sem.release)
    await sem.acquire()
    step("semaphore released by callback")
    q = asyncio.Queue()
    asyncio.get_running_loop().call_soon(q.put_nowait, 1)
    await q.get()
    step("queue item from callback")
    await b.reset()
    step("barrier reset")
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(f.set_result, 1)
    await asyncio.shield(f)
    step("shield of pending future")
    done = asyncio.create_task(asyncio.sleep(0))
    await done
    step("awaited a fresh task")
    t.cancel()


go(main())
