from prelude import *
import concurrent.futures
import threading
import time

ERROR = OSError("disk on fire")


def io_fails():
    raise ERROR


def slow(x, started=None, release=None):
    if started is not None:
        started.set()
    if release is not None:
        release.wait()
    out("job", x, "finished")
    return x


async def main():
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    # a single worker: jobs run one after another, in order
    futs = [loop.run_in_executor(pool, slow, i) for i in range(3)]
    out("results", await asyncio.gather(*futs))
    # the exception comes through unchanged: the same object
    try:
        await loop.run_in_executor(pool, io_fails)
    except OSError as e:
        out("same exception", e is ERROR, d(e))
    try:
        await asyncio.to_thread(io_fails)
    except OSError as e:
        out("to_thread same exception", e is ERROR)
    # cancelling the task that awaits a running job: the job runs on, its result is dropped
    started = threading.Event()
    release = threading.Event()
    fut = loop.run_in_executor(pool, slow, "running", started, release)
    queued = loop.run_in_executor(pool, slow, "queued")

    async def awaiter(f):
        try:
            return await f
        except asyncio.CancelledError:
            out("awaiter cancelled")
            raise

    t = asyncio.create_task(awaiter(fut))
    await loop.run_in_executor(None, started.wait)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        out("task", t.cancelled(), "future", fut.cancelled())
    queued.cancel()
    await asyncio.sleep(0)  # the cancel reaches the executor's job through a done callback
    release.set()
    await loop.run_in_executor(pool, slow, "after")
    out("queued job never ran", queued.cancelled())
    # call_soon_threadsafe from one thread keeps its order
    done = loop.create_future()

    def producer():
        for i in range(5):
            loop.call_soon_threadsafe(out, "from thread", i)
        loop.call_soon_threadsafe(done.set_result, "producer done")
    threading.Thread(target=producer).start()
    out(await done)
    # a thread completing a future through call_soon_threadsafe; the result of a None job
    out("none", await loop.run_in_executor(None, lambda: None))
    pool.shutdown(wait=True)
    out("main thread?", await asyncio.to_thread(lambda: threading.current_thread() is threading.main_thread()))


go(main())
