from prelude import *


async def body(name, delay):
    try:
        await asyncio.sleep(delay)
        out(name, "finished")
        return name
    except asyncio.CancelledError as e:
        out(name, "cancelled inside", d(e))
        raise
    finally:
        out(name, "finally")


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(0.01) as cm:
            await body("slow", 1)
    except TimeoutError as e:
        out("outer", d(e), type(e.__cause__).__name__, cm.expired(), me.cancelling())
    async with asyncio.timeout(0.5) as cm:
        out("fast", await body("fast", 0))
    out("expired", cm.expired())
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.timeout(0.01):
                await body("inner", 1)
    except TimeoutError:
        out("wrong scope")
    except BaseException as e:
        out("never", d(e))
    else:
        pass
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.01):
                    await body("inner2", 1)
            except TimeoutError as e:
                out("inner scope", d(e))
            out("outer continues", me.cancelling())
    except TimeoutError:
        out("outer expired?")
    try:
        out("wait_for", await asyncio.wait_for(body("wf", 0), 0.5))
        await asyncio.wait_for(body("wf2", 1), 0.01)
    except TimeoutError as e:
        out("wait_for timeout", d(e), me.cancelling())
    try:
        async with asyncio.timeout(None) as cm:
            out("when", cm.when())
            cm.reschedule(asyncio.get_running_loop().time() + 0.01)
            await body("moved", 1)
    except TimeoutError:
        out("rescheduled timeout", cm.expired())
    t = asyncio.create_task(body("victim", 1))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError:
        out("task cancelled by wait_for", t.cancelled())


go(main())
