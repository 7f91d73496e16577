from prelude import *


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        out(name, "cancelled")
        raise
    if fail:
        raise KeyError(name)
    return name


async def group_body(names):
    async with asyncio.TaskGroup() as tg:
        for n, dl in names:
            tg.create_task(job(n, dl))
    return "group done"


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(job("a", 0.01))
    b = asyncio.create_task(job("b", 1))
    done, pending = await asyncio.wait([a, b], timeout=0)
    out("wait timeout 0", len(done), len(pending))
    await asyncio.sleep(0.02)
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    out("wait with a done one", [t.result() for t in done], len(pending))
    b.cancel()
    await asyncio.sleep(0)
    # as_completed with timeout 0
    c = asyncio.create_task(job("c", 1))
    try:
        for f in asyncio.as_completed([a, c], timeout=0):
            out("as_completed 0 got", await f)
    except TimeoutError as e:
        out("as_completed 0", d(e))
    c.cancel()
    await asyncio.sleep(0)
    # shield of a failing coroutine
    try:
        await asyncio.shield(job("s", 0, fail=True))
    except KeyError as e:
        out("shield raised", d(e))
    # gather(return_exceptions=True) cancelled from outside
    g = asyncio.gather(job("g1", 1), job("g2", 1), return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel()
    try:
        out("gather result", await g)
    except asyncio.CancelledError as e:
        out("gather cancelled", d(e), g.cancelled())
    # a TaskGroup inside a timeout that expires: TimeoutError, children cancelled
    try:
        async with asyncio.timeout(0.02):
            await group_body([("t1", 1), ("t2", 0.01)])
    except TimeoutError as e:
        out("group in timeout", d(e))
    except BaseException as e:
        out("other", d(e))
    # a timeout inside a TaskGroup child
    async def child_with_timeout():
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
        except TimeoutError:
            out("child timed out, goes on")
        return "child ok"
    async with asyncio.TaskGroup() as tg:
        ct = tg.create_task(child_with_timeout())
        other = tg.create_task(job("other", 0.02))
    out("group results", ct.result(), other.result())
    # wait_for around a TaskGroup
    try:
        await asyncio.wait_for(group_body([("w1", 1)]), 0.01)
    except TimeoutError as e:
        out("wait_for group", d(e))
    # gather of gathers, one failing
    inner1 = asyncio.gather(job("i1", 0.01), job("i2", 0.02))
    inner2 = asyncio.gather(job("i3", 0.01, fail=True), job("i4", 0.05))
    try:
        await asyncio.gather(inner1, inner2)
    except KeyError as e:
        out("outer gather", d(e))
    await asyncio.sleep(0.03)
    out("inner1", inner1.done(), inner1.result() if inner1.done() else None)
    out("inner2", inner2.done())
    await asyncio.sleep(0.04)
    # timeout around shield: the shielded task keeps running
    s = asyncio.create_task(job("sh", 0.03))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.shield(s)
    except TimeoutError:
        out("shield timed out", s.done())
    out("shielded result", await s)


go(main())
