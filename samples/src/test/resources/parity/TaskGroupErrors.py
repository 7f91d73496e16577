from prelude import *


async def child(name, delay, fail=None):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise fail
        out("child done", name)
        return name
    except asyncio.CancelledError:
        out("child cancelled", name)
        raise
    finally:
        out("child finally", name)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(child("a", 0.2))
            b = tg.create_task(child("b", 0.01, ValueError("b bad")))
            c = tg.create_task(child("c", 0.01, KeyError("c bad")))
            out("names", a.get_name(), b.get_name(), c.get_name())
            await asyncio.sleep(0.03)
            out("body after sleep")
    except* ValueError as eg:
        out("value errors", [d(e) for e in eg.exceptions])
    except* KeyError as eg:
        out("key errors", [d(e) for e in eg.exceptions])
    out("a", a.cancelled(), "b", d(b.exception()))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("x", 0.05))
            await asyncio.sleep(0)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        out("group", d(eg))
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child("ok1", 0.01))
        t2 = tg.create_task(child("ok2", 0))
    out("results", t1.result(), t2.result(), asyncio.current_task().cancelling())
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(child("o", 0.2))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(child("i", 0.01, ValueError("inner")))
                inner.create_task(child("j", 0.2))
                # The failure comes while the body waits: 3.11 would leave the count at 1 if it
                # came after the body (fixed in 3.12; asyncj follows 3.13).
                await asyncio.sleep(0.03)
                out("not reached")
    except ExceptionGroup as eg:
        out("nested", d(eg))
    out("cancelling", asyncio.current_task().cancelling())


go(main())
