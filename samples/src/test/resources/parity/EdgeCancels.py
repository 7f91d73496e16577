from prelude import *


async def self_cancel_then_return():
    asyncio.current_task().cancel("self")
    return "returned"


async def self_cancel_then_await():
    asyncio.current_task().cancel("self2")
    out("still running")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        out("at next await", d(e))
        raise


async def swallow_in_timeout():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        out("body swallowed the timeout")
    return "body value"


async def quick():
    return "quick"


async def ev_waiter(ev):
    try:
        await ev.wait()
    except asyncio.CancelledError:
        out("event waiter cancelled")
        raise


async def putter(q, x):
    try:
        await q.put(x)
        out("put", x)
    except asyncio.CancelledError:
        out("put cancelled", x)
        raise


async def main():
    t = asyncio.create_task(self_cancel_then_return())
    try:
        await t
    except asyncio.CancelledError as e:
        out("return lost", d(e), t.cancelled())
    t = asyncio.create_task(self_cancel_then_await())
    await asyncio.gather(t, return_exceptions=True)
    out("t cancelled", t.cancelled())
    f = asyncio.get_running_loop().create_future()
    f.cancel()
    try:
        await asyncio.gather(f, asyncio.sleep(0.01))
    except asyncio.CancelledError as e:
        out("gather of cancelled future", d(e))
    async with asyncio.timeout(0.01) as cm:
        out(await swallow_in_timeout())
    out("expired", cm.expired(), asyncio.current_task().cancelling())
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(asyncio.get_running_loop().time() - 1)
            await asyncio.sleep(1)
    except TimeoutError:
        out("past deadline")
    f2 = asyncio.get_running_loop().create_future()
    f2.set_result("ready")
    out("wait_for 0 done", await asyncio.wait_for(f2, 0))
    try:
        await asyncio.wait_for(quick(), 0)
    except TimeoutError as e:
        out("wait_for 0 coroutine", d(e))
    ev = asyncio.Event()
    t = asyncio.create_task(ev_waiter(ev))
    await asyncio.sleep(0)
    t.cancel()
    ev.set()
    await asyncio.gather(t, return_exceptions=True)
    out("event waiter", t.cancelled())
    q = asyncio.Queue(1)
    q.put_nowait(0)
    p1 = asyncio.create_task(putter(q, 1))
    p2 = asyncio.create_task(putter(q, 2))
    await asyncio.sleep(0)
    p1.cancel()
    out("got", q.get_nowait())
    await asyncio.gather(p1, p2, return_exceptions=True)
    out("queue", q.qsize(), q.get_nowait())
    b = asyncio.Barrier(3)

    async def party(n):
        try:
            out("party", n, "index", await b.wait())
        except asyncio.CancelledError:
            out("party", n, "cancelled, waiting:", b.n_waiting)
            raise
    p = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0)
    out("waiting", b.n_waiting)
    p[0].cancel()
    await asyncio.sleep(0)
    out("waiting", b.n_waiting, b.broken)
    p.append(asyncio.create_task(party(2)))
    p.append(asyncio.create_task(party(3)))
    await asyncio.gather(*p, return_exceptions=True)
    out("barrier", b.n_waiting, b.broken)


go(main())
