from prelude import *

ticks = 0


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


async def value():
    return 1


async def noop_group_body(tg):
    pass


def step(what):
    out(what, "ticks", ticks)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    step("start")
    await value()
    step("coroutine")
    f = loop.create_future()
    f.set_result(1)
    await f
    step("done future")
    lock = asyncio.Lock()
    await lock.acquire()
    step("free lock")
    lock.release()
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    step("free semaphore")
    ev = asyncio.Event()
    ev.set()
    await ev.wait()
    step("set event")
    q = asyncio.Queue()
    await q.put(1)
    step("queue put")
    await q.get()
    step("queue get")
    q.task_done()
    await q.join()
    step("queue join")
    done = asyncio.create_task(value())
    await asyncio.sleep(0)
    step("task ran")
    await done
    step("done task")
    await asyncio.shield(done)
    step("shield done")
    await asyncio.gather(done)
    step("gather done")
    await asyncio.gather()
    step("gather empty")
    await asyncio.wait([done])
    step("wait done")
    async with asyncio.timeout(1):
        pass
    step("timeout scope")
    async with asyncio.TaskGroup() as tg:
        pass
    step("empty task group")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(value())
    step("task group")
    await asyncio.sleep(0)
    step("sleep 0")
    cond = asyncio.Condition()
    async with cond:
        cond.notify()
    step("condition")
    for c in asyncio.as_completed([done]):
        await c
    step("as_completed done")
    await asyncio.gather(value(), value())
    step("gather coroutines")
    t.cancel()


go(main())
