"""wait_for as 3.12 made it (asyncj's): a coroutine runs inline, in the waiting task; cancelling the waiter passes the message on."""
from prelude import *


async def who():
    return asyncio.current_task().get_name()


async def slow(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        out(name, "cancelled with", d(e))
        raise


async def waiter(aw):
    try:
        await asyncio.wait_for(aw, 1)
    except asyncio.CancelledError as e:
        out("waiter", d(e))
        raise


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return "kept"


async def main():
    out("inline", await asyncio.wait_for(who(), 1), asyncio.current_task().get_name())
    t = asyncio.create_task(who())
    out("a task", await asyncio.wait_for(t, 1) == t.get_name())
    inner = asyncio.create_task(slow("inner"))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0)
    w.cancel("stop it")
    await asyncio.gather(w, return_exceptions=True)
    out("inner cancelled", inner.cancelled())
    out("stubborn", await asyncio.wait_for(stubborn(), 0.01))
    try:
        await asyncio.wait_for(slow("timed"), 0.01)
    except TimeoutError as e:
        out("timeout", d(e), type(e.__cause__).__name__, asyncio.current_task().cancelling())
    out("next name", asyncio.create_task(who()).get_name())


go(main())
