from prelude import *


async def job(name, delay, value=None):
    await asyncio.sleep(delay)
    return value if value is not None else name


async def never_runs():
    out("never runs")


async def main():
    loop = asyncio.get_running_loop()
    # sleep forever, bounded by a timeout
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(float("inf"))
    except TimeoutError:
        out("sleep(inf) timed out")
    try:
        await asyncio.wait_for(asyncio.sleep(1e10), 0.01)
    except TimeoutError:
        out("sleep(1e10) timed out")
    out("negative sleep", await asyncio.sleep(-1, "neg"))
    # timeout that never fires / fires at once
    async with asyncio.timeout(float("inf")) as cm:
        await asyncio.sleep(0.01)
    out("inf timeout", cm.expired())
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0.01)
    except TimeoutError:
        out("timeout(0) expired")
    try:
        async with asyncio.timeout(-1):
            out("body runs")
            await asyncio.sleep(0)
            out("not reached")
    except TimeoutError:
        out("timeout(-1) expired")
    async with asyncio.timeout(-1):
        out("body without awaits completes")
    out("wait_for None", await asyncio.wait_for(job("n", 0.01), None))
    # a handle far in the future
    h = loop.call_later(1e10, out, "never")
    out("far timer cancelled", h.cancelled())
    h.cancel()
    # gather of nothing
    g = asyncio.gather()
    out("empty gather", g.done(), await g)
    # cancel before start
    t = asyncio.create_task(never_runs())
    out("cancel before start", t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        out("awaited", d(e), t.cancelled())
    out("cancel done", t.cancel())
    # a task awaiting itself
    async def self_await():
        await asyncio.current_task()
    t = asyncio.create_task(self_await())
    try:
        await t
    except RuntimeError as e:
        out("self await", str(e).split(":")[0])
    # coroutine awaited twice
    c = job("twice", 0)
    await c
    try:
        await c
    except RuntimeError as e:
        out("reuse", d(e))
    # cancel propagates to the awaited task, not through shield
    inner = asyncio.create_task(job("inner", 1))
    async def awaiter(x):
        return await x
    outer = asyncio.create_task(awaiter(inner))
    await asyncio.sleep(0)
    outer.cancel("m")
    try:
        await outer
    except asyncio.CancelledError as e:
        out("outer", d(e), "inner cancelled", inner.cancelled())
    inner = asyncio.create_task(job("inner", 0.02))
    outer = asyncio.create_task(awaiter(asyncio.shield(inner)))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError as e:
        out("shielded outer", d(e), inner.cancelled(), await inner)
    # wait with a timeout does not cancel
    a = asyncio.create_task(job("a", 0.01))
    b = asyncio.create_task(job("b", 1))
    done, pending = await asyncio.wait([a, b], timeout=0.03)
    out("wait", [x.result() for x in done], len(pending), b.cancelled())
    b.cancel()
    # as_completed timeout
    a = asyncio.create_task(job("a", 0.01))
    b = asyncio.create_task(job("b", 1))
    got = []
    try:
        for f in asyncio.as_completed([a, b], timeout=0.03):
            got.append(await f)
    except TimeoutError as e:
        out("as_completed", got, d(e), b.cancelled())
    b.cancel()
    # gather with return_exceptions and a failing coroutine
    async def boom():
        raise KeyError("k")
    out("gather", [d(x) if isinstance(x, BaseException) else x
                   for x in await asyncio.gather(job("x", 0), boom(), return_exceptions=True)])
    try:
        await asyncio.gather(job("x", 0.01), boom())
    except KeyError as e:
        out("gather raises first", d(e))
    # future of another loop
    other = asyncio.new_event_loop()
    f = other.create_future()
    try:
        await f
    except RuntimeError as e:
        out("other loop", "attached to a different loop" in str(e))
    other.close()
    # cancelled future: result and exception
    f = loop.create_future()
    f.cancel("why")
    for m in (f.result, f.exception):
        try:
            m()
        except asyncio.CancelledError as e:
            out("cancelled future", d(e))
    f = loop.create_future()
    f.set_exception(KeyError("x"))
    out("exception()", d(f.exception()), f.done(), f.cancelled(), f.cancel())
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        out("set after done", d(e))
    # uncancel
    async def shrugs():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            t = asyncio.current_task()
            out("shrugs", t.cancelling(), t.uncancel(), t.cancelling())
        await asyncio.sleep(0)
        return "alive"
    t = asyncio.create_task(shrugs())
    await asyncio.sleep(0)
    t.cancel()
    out("uncancelled", await t, t.cancelled())
    f = asyncio.ensure_future(job("ef", 0))
    out("ensure_future", isinstance(f, asyncio.Task), await f, asyncio.ensure_future(f) is f)  # no name: 3.11 wait_for used one up
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        out("timeout(None) rescheduled", cm.expired())


go(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    out("outside", d(e))
try:
    asyncio.current_task()
except RuntimeError as e:
    out("outside current_task", d(e))
