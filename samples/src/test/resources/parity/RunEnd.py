from prelude import *
import threading
import time

# asyncio.run's end: pending tasks are cancelled (one of them waiting for a thread), then the
# default executor is shut down, which waits for the thread; callbacks still scheduled are dropped.


def blocking():
    time.sleep(0.1)
    out("thread finished")
    return "late"


async def waits_for_thread():
    try:
        return await asyncio.to_thread(blocking)
    except asyncio.CancelledError:
        out("waiter cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(waits_for_thread())
    await asyncio.sleep(0.01)
    loop.call_later(5, out, "timer dropped")
    loop.call_soon(out, "callback scheduled before return")
    out("main returns")
    return "main"


out("run returned", asyncio.run(main()))


async def main2():
    loop = asyncio.get_running_loop()

    async def child():
        try:
            await asyncio.sleep(1)
        finally:
            out("child finally, loop running:", loop.is_running())
            loop.call_soon(out, "scheduled from child's finally")
            await asyncio.sleep(0)
            out("child awaited in finally")

    asyncio.create_task(child())
    await asyncio.sleep(0)
    raise KeyError("main fails")


go(main2())
out("end")
