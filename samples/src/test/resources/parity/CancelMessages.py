from prelude import *


async def worker(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        out(name, "caught", d(e), asyncio.current_task().cancelling())
        raise
    finally:
        out(name, "finally")


async def main():
    t = asyncio.create_task(worker("w1"))
    await asyncio.sleep(0)
    out("cancel", t.cancel("first"), t.cancel("second"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        out("main caught", d(e), asyncio.current_task().cancelling())
    out(t.cancelled(), t.done(), t.cancel("again"), t.cancelling())
    t2 = asyncio.create_task(worker("w2"))
    out(t2.cancel("before start"), t2.get_name(), t2.cancelling())
    try:
        await t2
    except asyncio.CancelledError as e:
        out("t2", d(e))
    try:
        t2.result()
    except asyncio.CancelledError as e:
        out("result", d(e))
    try:
        t2.exception()
    except asyncio.CancelledError as e:
        out("exception", d(e))
    t3 = asyncio.create_task(worker("w3"))
    await asyncio.sleep(0)
    t3.cancel()
    await asyncio.sleep(0)
    out("t3 done after one step", t3.done(), t3.cancelled())


go(main())
