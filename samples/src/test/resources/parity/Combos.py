from prelude import *


async def job(name, delay):
    try:
        await asyncio.sleep(delay)
        out(name, "done")
        return name
    except asyncio.CancelledError as e:
        out(name, "cancelled", d(e))
        raise


async def joiner(q):
    try:
        await q.join()
    except asyncio.CancelledError:
        out("join cancelled", q._unfinished_tasks)
        raise


async def waiter(fs):
    try:
        await asyncio.wait(fs)
    except asyncio.CancelledError:
        out("wait cancelled", [f.done() for f in fs])
        raise


async def main():
    t = asyncio.create_task(job("precious", 0.2))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.01)
    except TimeoutError:
        out("wait_for gave up", t.done(), t.cancelled())
    out("still got", await t)
    t = asyncio.create_task(job("precious2", 0.2))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.shield(t)
    except TimeoutError:
        out("timeout gave up", t.done())
    await t
    inner = asyncio.gather(job("a", 1), job("b", 1))
    outer = asyncio.gather(inner, job("c", 1))
    await asyncio.sleep(0)
    outer.cancel("nested")
    try:
        await outer
    except asyncio.CancelledError as e:
        out("outer", d(e), inner.cancelled())
    s = asyncio.create_task(job("shielded", 0.02))
    g = asyncio.gather(asyncio.shield(s), job("d", 1))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        out("gather cancelled", s.done())
    await s
    q = asyncio.Queue()
    q.put_nowait(1)
    j = asyncio.create_task(joiner(q))
    await asyncio.sleep(0)
    j.cancel()
    await asyncio.gather(j, return_exceptions=True)
    fs = [asyncio.create_task(job("w1", 1)), asyncio.create_task(job("w2", 1))]
    w = asyncio.create_task(waiter(fs))
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    out("still pending", [f.done() for f in fs])
    for f in fs:
        f.cancel()
    await asyncio.gather(*fs, return_exceptions=True)


go(main())
