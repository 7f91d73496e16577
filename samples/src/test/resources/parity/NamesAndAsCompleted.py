from prelude import *


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def stubborn(delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        out("stubborn swallows")
        return "stubborn value"
    return "stubborn slept"


def names():
    return sorted(t.get_name() for t in asyncio.all_tasks())


async def main():
    g = asyncio.gather(job("a", 0.01), job("b", 0.01))
    out("after gather", names())
    await g
    s = asyncio.shield(job("c", 0))
    out("after shield", names())
    await s
    order = []
    for nxt in asyncio.as_completed([job("d", 0.03), job("e", 0.01, True), job("f", 0.02)]):
        try:
            order.append(await nxt)
        except ValueError as e:
            order.append(d(e))
    out("as_completed", order)
    t = asyncio.create_task(job("g", 0.5))
    got = []
    try:
        for nxt in asyncio.as_completed([t, job("h", 0.005)], timeout=0.1):
            got.append(await nxt)
    except TimeoutError as e:
        out("as_completed timeout", got, d(e), t.cancelled())
    t.cancel()
    out("next task", asyncio.create_task(job("i", 0)).get_name())
    out("wait_for stubborn", await asyncio.wait_for(asyncio.create_task(stubborn(1)), 0.01),
        asyncio.current_task().cancelling())
    loop = asyncio.get_running_loop()
    out("to_thread", await asyncio.to_thread(lambda: "from thread"), names())
    out("sleep result", await asyncio.sleep(0.001, "r"), await asyncio.sleep(-1, "neg"))
    steps = [await c for c in asyncio.as_completed([asyncio.sleep(0), asyncio.sleep(0)])]
    out("two sleeps", steps, asyncio.create_task(job("j", 0)).get_name())


go(main())
