from prelude import *
import concurrent.futures
import threading
import time


def hello_world(loop):
    out("Hello World")
    loop.stop()


def display_date(end_time, loop, n):
    out("tick", n)
    if (loop.time() + 0.01) < end_time and n < 2:
        loop.call_later(0.01, display_date, end_time, loop, n + 1)
    else:
        loop.stop()


async def set_after(fut, delay, value):
    await asyncio.sleep(delay)
    fut.set_result(value)


def blocking_io():
    time.sleep(0.01)
    return "io done"


def cpu_bound():
    return sum(i * i for i in range(1000))


async def answer(delay, value):
    await asyncio.sleep(delay)
    if value is None:
        raise KeyError("no value")
    return value


def from_thread(loop):
    results = []
    future = asyncio.run_coroutine_threadsafe(answer(0.01, 3), loop)
    results.append(("returned", future.result(5)))
    future = asyncio.run_coroutine_threadsafe(answer(0.01, None), loop)
    try:
        future.result(5)
    except Exception as exc:
        results.append(("raised", d(exc)))
    future = asyncio.run_coroutine_threadsafe(answer(10, 1), loop)
    try:
        future.result(0.05)
    except concurrent.futures.TimeoutError:
        results.append(("took too long, cancelling", future.cancel()))
    return results


async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        out("victim cancelled")
        raise


def cancel_from_thread(loop):
    fut = asyncio.run_coroutine_threadsafe(victim(), loop)
    time.sleep(0.05)
    fut.cancel()
    return fut.cancelled()


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.create_task(set_after(fut, 0.01, "... world"))
    out("hello ...")
    out(await fut)
    out("default executor", await loop.run_in_executor(None, blocking_io))
    with concurrent.futures.ThreadPoolExecutor() as pool:
        out("custom thread pool", await loop.run_in_executor(pool, cpu_bound))
    out("from thread", await asyncio.to_thread(from_thread, loop))
    await asyncio.sleep(0.02)
    out("cancelled from thread", await asyncio.to_thread(cancel_from_thread, loop))
    await asyncio.sleep(0.02)
    out("handler", loop.get_exception_handler())
    seen = []
    loop.set_exception_handler(lambda l, ctx: seen.append((ctx["message"], d(ctx.get("exception")))))
    loop.call_exception_handler({"message": "custom", "exception": KeyError("k")})
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    out("seen", seen[0], seen[1][0].startswith("Exception in callback"), seen[1][1])
    loop.set_exception_handler(None)
    out("handler", loop.get_exception_handler())
    h = loop.call_later(10, out, "never")
    out("timer", round(h.when() - loop.time()), h.cancelled())
    h.cancel()
    out("timer", h.cancelled())
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="mine")
    loop.set_default_executor(pool)
    out("own default", await asyncio.to_thread(lambda: threading.current_thread().name.startswith("mine")))

    def slow_job():
        time.sleep(0.03)
        out("slow job done")
    job = loop.run_in_executor(None, slow_job)
    await asyncio.sleep(0)
    await loop.shutdown_default_executor()
    out("executor shut down", job.done())
    try:
        await loop.run_in_executor(None, cpu_bound)
    except RuntimeError as e:
        out("after shutdown", d(e))
    with concurrent.futures.ThreadPoolExecutor() as other:
        out("explicit executor still works", await loop.run_in_executor(other, cpu_bound))


loop = asyncio.new_event_loop()
loop.call_soon(hello_world, loop)
try:
    loop.run_forever()
finally:
    loop.close()
out("closed", loop.is_closed(), loop.is_running())
loop = asyncio.new_event_loop()
end_time = loop.time() + 1.0
loop.call_soon(display_date, end_time, loop, 0)
try:
    loop.run_forever()
finally:
    loop.close()
go(main())
