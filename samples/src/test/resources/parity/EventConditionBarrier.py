from prelude import *


async def ev_waiter(ev, name):
    out(name, "waits")
    out(name, "woke", await ev.wait())


async def cond_waiter(cond, name, box):
    async with cond:
        out(name, "waits")
        await cond.wait_for(lambda: box and box[0] == name)
        out(name, "got it", cond.locked())
        box.pop()


async def barrier_party(barrier, name, delay):
    await asyncio.sleep(delay)
    try:
        i = await barrier.wait()
        out(name, "passed", i)
    except asyncio.BrokenBarrierError as e:
        out(name, "broken", d(e))


async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(ev_waiter(ev, n)) for n in ("e1", "e2")]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await asyncio.gather(*ts)
    out("set", ev.is_set())
    ev.set()
    out("already set", await ev.wait())
    cond = asyncio.Condition()
    box = []
    ts = [asyncio.create_task(cond_waiter(cond, n, box)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0.001)
    for name in ("c2", "c3", "c1"):
        async with cond:
            box.append(name)
            cond.notify_all()
        await asyncio.sleep(0.001)
    await asyncio.gather(*ts)
    try:
        cond.notify()
    except RuntimeError as e:
        out("notify", d(e))
    barrier = asyncio.Barrier(3)
    await asyncio.gather(*(barrier_party(barrier, n, 0.001 * i) for i, n in enumerate(("b1", "b2", "b3"))))
    out("parties", barrier.parties, barrier.n_waiting, barrier.broken)
    ts = [asyncio.create_task(barrier_party(barrier, n, 0)) for n in ("x1", "x2")]
    await asyncio.sleep(0.01)
    out("waiting", barrier.n_waiting)
    await barrier.abort()
    await asyncio.gather(*ts)
    out("broken", barrier.broken)
    await barrier_party(barrier, "late", 0)
    await barrier.reset()
    out("after reset", barrier.broken, barrier.n_waiting)


go(main())
