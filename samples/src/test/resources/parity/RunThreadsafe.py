from prelude import *

# test_tasks.py's RunCoroutineThreadsafeTests and test_task_awaits_on_itself: a thread submits a
# coroutine to the loop and waits for its result; a failure, a timeout (which cancels the task)
# and a task that cancels itself reach the thread, and through run_in_executor the loop.


async def add(a, b, fail=False, cancel=False):
    await asyncio.sleep(0.01)
    if fail:
        raise RuntimeError("Fail!")
    if cancel:
        asyncio.current_task().cancel()
        await asyncio.sleep(0)
    return a + b


def target(loop, fail=False, cancel=False, timeout=None):
    future = asyncio.run_coroutine_threadsafe(add(1, 2, fail=fail, cancel=cancel), loop)
    try:
        return future.result(timeout)
    except TimeoutError:
        return "timed out"
    finally:
        future.done() or future.cancel()


async def main():
    loop = asyncio.get_running_loop()
    out("threadsafe", await loop.run_in_executor(None, target, loop))
    try:
        await loop.run_in_executor(None, target, loop, True)
    except RuntimeError as e:
        out("with_exception", d(e))
    out("with_timeout", await loop.run_in_executor(None, lambda: target(loop, timeout=0)))
    await asyncio.sleep(0.02)
    out("with_timeout", [t.done() for t in asyncio.all_tasks() if t is not asyncio.current_task()])
    try:
        await loop.run_in_executor(None, lambda: target(loop, cancel=True))
    except asyncio.CancelledError as e:
        out("task_cancelled", d(e), asyncio.current_task().cancelling())

    box = []

    async def test():
        await box[0]
    task = asyncio.ensure_future(test())
    box.append(task)
    try:
        await task
    except RuntimeError as e:
        out("awaits_on_itself", str(e).split(':')[0])


go(main())
