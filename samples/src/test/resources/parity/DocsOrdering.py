from prelude import *


async def step(name, n):
    for i in range(n):
        out(name, i)
        await asyncio.sleep(0)


async def waiter(name, ev):
    await ev.wait()
    out(name, "woke")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, out, "later 0")
    loop.call_at(loop.time() - 1, out, "call_at past")
    loop.call_later(-1, out, "later -1")
    loop.call_soon(out, "soon")
    await asyncio.sleep(0)
    out("after one sleep(0)")
    await asyncio.sleep(0)
    out("after two sleep(0)")
    t = asyncio.create_task(step("t", 2))
    loop.call_soon(out, "soon after create_task")
    u = asyncio.create_task(step("u", 2))
    await asyncio.sleep(0)
    out("main between")
    await asyncio.gather(t, u)
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(n, ev)) for n in "abc"]
    await asyncio.sleep(0)
    loop.call_soon(out, "soon before set")
    ev.set()
    loop.call_soon(out, "soon after set")
    await asyncio.gather(*ws)
    f = loop.create_future()
    f.add_done_callback(lambda _: out("cb before"))
    loop.call_soon(out, "soon between")
    f.set_result(1)
    f.add_done_callback(lambda _: out("cb after"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    # a task that finishes wakes its awaiter one iteration later
    async def quick():
        out("quick runs")
        return 5
    q = asyncio.create_task(quick())
    loop.call_soon(out, "soon 1")
    r = await q
    out("awaited quick", r)
    loop.call_soon(out, "soon 2")
    await asyncio.sleep(0)
    # timers with different delays fire in deadline order
    for dl in (0.03, 0.01, 0.02):
        loop.call_later(dl, out, "timer", dl)
    await asyncio.sleep(0.05)
    # lock hand-over order
    lock = asyncio.Lock()
    async def locker(n):
        async with lock:
            out("lock", n)
            await asyncio.sleep(0)
    await lock.acquire()
    ls = [asyncio.create_task(locker(n)) for n in range(3)]
    await asyncio.sleep(0)
    lock.release()
    loop.call_soon(out, "soon after release")
    await asyncio.gather(*ls)


go(main())
