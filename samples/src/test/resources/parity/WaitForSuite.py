from prelude import *
import time

# Cases ported from CPython 3.11's test_waitfor.py, those whose outcome 3.12's wait_for (which
# asyncj follows) keeps; this twin prints the same under 3.11, 3.12 and 3.13 (left out: whether a
# cancelled wait_for whose inner task swallowed the cancellation ends cancelled, and
# test_wait_for_self_cancellation, both of which 3.12 changed; see WaitFor312). The chained
# CancelledError is the TimeoutError's __context__ here and its cause in Java.

EPSILON = 0.0001


class SlowTask:
    TASK_TIMEOUT = 0.1

    def __init__(self):
        self.exited = False
        self.cancels = 0

    async def run(self):
        exitat = time.monotonic() + self.TASK_TIMEOUT
        while True:
            tosleep = exitat - time.monotonic()
            if tosleep <= 0:
                break
            try:
                await asyncio.sleep(tosleep)
            except asyncio.CancelledError:
                self.cancels += 1
        self.exited = True


async def main():
    loop = asyncio.get_running_loop()
    t = SlowTask()
    waitfortask = asyncio.create_task(asyncio.wait_for(t.run(), t.TASK_TIMEOUT * 2))
    await asyncio.sleep(0)
    waitfortask.cancel()
    await asyncio.wait({waitfortask})
    out("wait_for_cancelled", t.exited, t.cancels)

    t = SlowTask()
    try:
        await asyncio.wait_for(t.run(), t.TASK_TIMEOUT / 2)
        out("wait_for_timeout", "no timeout")
    except asyncio.TimeoutError as e:
        out("wait_for_timeout", d(e))
    out("wait_for_timeout", t.exited, t.cancels)

    fut = loop.create_future()
    fut.set_result('done')
    out("timeout_0_future_done", await asyncio.wait_for(fut, 0), fut.done())

    started = []

    async def foo0():
        started.append(True)
    try:
        await asyncio.wait_for(foo0(), 0)
    except asyncio.TimeoutError as e:
        out("timeout_0_coroutine_not_started", d(e), started)

    for timeout in [0, -1]:
        running = []
        st = loop.create_future()

        async def foo():
            running.append(True)
            st.set_result(None)
            try:
                await asyncio.sleep(10)
            finally:
                running.append(False)
            return 'done'
        fut = asyncio.create_task(foo())
        await st
        try:
            await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError as e:
            out("timeout_less_than_0_or_0", timeout, d(e), type(e.__context__).__name__)
        out("timeout_less_than_0_or_0", fut.done(), fut.cancelled(), running)

    running = []

    async def foo2():
        running.append(True)
        try:
            await asyncio.sleep(10)
        finally:
            running.append(False)
        return 'done'
    fut = asyncio.create_task(foo2())
    try:
        await asyncio.wait_for(fut, 0.01)
    except asyncio.TimeoutError as e:
        out("wait_for", d(e))
    out("wait_for", fut.done(), fut.cancelled(), running)

    async def coro():
        return 'done'
    out("wait_for_blocking", await asyncio.wait_for(coro(), timeout=None))

    fut = loop.create_future()
    task = asyncio.wait_for(fut, timeout=0.2)
    loop.call_later(0.01, fut.set_result, "ok")
    out("race_condition", await task)

    async def inner():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            out("cancellation_race_condition", "inner cancelled", d(e))
        return 1
    out("cancellation_race_condition", await asyncio.wait_for(inner(), timeout=.01))

    task_done = []

    async def inner2():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            await asyncio.sleep(EPSILON)
            raise
        finally:
            task_done.append(True)
    inner_task = asyncio.create_task(inner2())
    try:
        await asyncio.wait_for(inner_task, timeout=EPSILON)
    except asyncio.TimeoutError as e:
        out("waits_for_task_cancellation", d(e), task_done, type(e.__context__).__name__)

    task_done = []

    async def foo3():
        inner_task = asyncio.create_task(inner2())
        await asyncio.sleep(EPSILON)
        await asyncio.wait_for(inner_task, timeout=0)
    try:
        await foo3()
    except asyncio.TimeoutError as e:
        out("waits_for_task_cancellation_w_timeout_0", d(e), task_done, type(e.__context__).__name__)

    async def foo4():
        async def inner():
            try:
                await asyncio.sleep(0.2)
            finally:
                raise KeyError("foo")
        inner_task = asyncio.create_task(inner())
        await asyncio.wait_for(inner_task, timeout=EPSILON)
    try:
        await foo4()
    except KeyError as e:
        out("reraises_exception_during_cancellation", d(e))

    for timeout in (None, 60.0):
        async def blocking_coroutine():
            await loop.create_future()
        task = asyncio.create_task(blocking_coroutine())
        wait = asyncio.create_task(asyncio.wait_for(task, timeout))
        loop.call_soon(wait.cancel)
        try:
            await wait
        except asyncio.CancelledError as e:
            out("cancel_wait_for", timeout, d(e))
        out("cancel_wait_for", task.cancelled())


go(main())
