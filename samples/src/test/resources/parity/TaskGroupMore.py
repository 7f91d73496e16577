from prelude import *


async def slow_cleanup(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        out(name, "cleaning up")
        await asyncio.sleep(0.01)
        out(name, "cleaned up")
        raise


async def fail(name, delay, exc):
    await asyncio.sleep(delay)
    out(name, "fails")
    raise exc


async def converts(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise KeyError(name + " converted")


async def spawner(tg, n):
    if n > 0:
        tg.create_task(spawner(tg, n - 1), name=f"spawned-{n}")
    await asyncio.sleep(0)
    out("spawner", n, asyncio.current_task().get_name())
    return n


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup("s"))
            tg.create_task(converts("c"))
            tg.create_task(fail("f", 0.01, ValueError("first")))
            tg.create_task(fail("g", 0.01, ValueError("second")))
    except ExceptionGroup as eg:
        out("errors", [d(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("late", 0.01, ValueError("after body")))
    except ExceptionGroup as eg:
        out("errors", [d(e) for e in eg.exceptions])
    async with asyncio.TaskGroup() as tg:
        first = tg.create_task(spawner(tg, 3), name="root")
    out("spawned", first.result(), sorted(t.get_name() for t in asyncio.all_tasks()))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("quick", 0, ValueError("quick")))
            out("body keeps going")
            await asyncio.sleep(0)
            out("never printed")
    except ExceptionGroup as eg:
        out("errors", [d(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup("s2"))
            await asyncio.sleep(0)
            raise KeyError("body")
    except ExceptionGroup as eg:
        out("body error", d(eg))


go(main())
