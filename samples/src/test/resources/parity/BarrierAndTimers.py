from prelude import *


async def party(b, name):
    try:
        out(name, "index", await b.wait())
    except asyncio.BrokenBarrierError as e:
        out(name, "broken", d(e), b.broken)


async def main():
    loop = asyncio.get_running_loop()
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(b, n)) for n in ("a", "b")]
    await asyncio.sleep(0)
    await b.reset()
    await asyncio.gather(*ts)
    out("after reset", b.broken, b.n_waiting)
    ts = [asyncio.create_task(party(b, n)) for n in ("c", "d", "e", "f", "g")]
    await asyncio.gather(*ts[:3])
    out("waiting", b.n_waiting)
    await b.abort()
    await asyncio.gather(*ts)
    b2 = asyncio.Barrier(1)
    out("single", await b2.wait(), await b2.wait())
    loop.call_later(-1, out, "negative delay")
    loop.call_at(loop.time() - 5, out, "past call_at")
    loop.call_soon(out, "soon")
    h = loop.call_later(0.01, out, "timer")
    out("when is later", h.when() > loop.time())
    await asyncio.sleep(0.02)
    e = asyncio.Event()
    loop.call_later(0.01, e.set)
    out("event by timer", await e.wait())
    s = asyncio.Semaphore(0)

    async def acq(n):
        await s.acquire()
        out("acquired", n)
    ts = [asyncio.create_task(acq(n)) for n in range(3)]
    await asyncio.sleep(0)
    s.release()
    s.release()
    await asyncio.sleep(0)
    out("value", s._value, [t.done() for t in ts])
    s.release()
    await asyncio.gather(*ts)


go(main())
