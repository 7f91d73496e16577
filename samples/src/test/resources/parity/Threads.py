from prelude import *
import threading
import time


def blocking(x):
    time.sleep(0.05)
    out("thread finished", x)
    return x * 2


def failing():
    raise KeyError("in thread")


async def main():
    loop = asyncio.get_running_loop()
    out("to_thread", await asyncio.to_thread(blocking, 1))
    try:
        await asyncio.to_thread(failing)
    except KeyError as e:
        out("thread raised", d(e))
    started = loop.create_future()

    def signals_start():
        loop.call_soon_threadsafe(started.set_result, None)
        return blocking(2)
    t = asyncio.create_task(asyncio.to_thread(signals_start))
    await started  # a thread cancelled before it starts never runs
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        out("awaiter cancelled, thread still running")
    await asyncio.sleep(0.3)
    fut = loop.create_future()

    def from_thread():
        time.sleep(0.01)
        loop.call_soon_threadsafe(fut.set_result, "set from thread")
    threading.Thread(target=from_thread).start()
    out(await fut)
    out("executor", await loop.run_in_executor(None, blocking, 3))


go(main())
