"""The 3.12/3.13 fixes asyncj follows (README: where it differs from CPython 3.11, on purpose)."""
from prelude import *


async def fail_soon():
    await asyncio.sleep(0.01)
    raise KeyError("late")


async def cond_waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
            out(name, "woke")
        except asyncio.CancelledError:
            out(name, "cancelled")
            raise


async def main():
    me = asyncio.current_task()
    # a child fails after the body has finished: the parent's cancel request is taken back
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon())
    except ExceptionGroup as eg:
        out("late failure", d(eg), "cancelling", me.cancelling())
    # a Condition waiter notified and then cancelled hands its wakeup on (gh-112202)
    cond = asyncio.Condition()
    ws = [asyncio.create_task(cond_waiter(cond, n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    ws[0].cancel()
    await asyncio.sleep(0.01)
    out("states", [w.done() for w in ws])
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)


go(main())
