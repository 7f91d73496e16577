"""Cases ported from CPython 3.11's test_timeouts.py."""
from prelude import *
import time


async def outcome(name, coro):
    try:
        r = await coro
        out(name, "returned", r)
    except BaseException as e:
        out(name, "raised", d(e))
    out(name, "cancelling", asyncio.current_task().cancelling())


async def zero():
    async with asyncio.timeout(0) as cm:
        await asyncio.sleep(10)


async def zero_sleep_zero():
    async with asyncio.timeout(0) as cm:
        await asyncio.sleep(0)


async def past_sleep_zero():
    async with asyncio.timeout(-11) as cm:
        await asyncio.sleep(0)


async def foreign_exception_passed():
    async with asyncio.timeout(0.01) as cm:
        raise KeyError("k")


async def foreign_exception_on_timeout():
    async def crash():
        try:
            await asyncio.sleep(1)
        finally:
            raise ZeroDivisionError("division by zero")
    async with asyncio.timeout(0.01):
        await crash()


async def foreign_cancel_not_expired():
    async with asyncio.timeout(10) as cm:
        asyncio.current_task().cancel()
        await asyncio.sleep(10)


async def nested_concurrent():
    async with asyncio.timeout(0.02):
        try:
            async with asyncio.timeout(0.5):
                time.sleep(0.05)
                await asyncio.sleep(1)
        except TimeoutError:
            out("  inner raised TimeoutError")
            raise


async def nested_loop_busy():
    async with asyncio.timeout(0.2):
        try:
            async with asyncio.timeout(0.01):
                time.sleep(0.05)
                await asyncio.sleep(1)
        except TimeoutError:
            out("  inner caught")
        await asyncio.sleep(10)


async def nested_in_finally():
    async with asyncio.timeout(0.01):
        try:
            await asyncio.sleep(1)
        finally:
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(10)
            except TimeoutError:
                out("  finally's timeout")


async def after_cancellation():
    try:
        asyncio.current_task().cancel()
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        pass
    finally:
        try:
            async with asyncio.timeout(0.0):
                await asyncio.sleep(1)
        except TimeoutError:
            out("  cleanup timed out", asyncio.current_task().cancelling())


async def cancel_in_timeout_after_cancellation():
    try:
        asyncio.current_task().cancel()
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        pass
    finally:
        try:
            async with asyncio.timeout(1.0):
                asyncio.current_task().cancel()
                await asyncio.sleep(2)
        except asyncio.CancelledError:
            out("  cleanup cancelled", asyncio.current_task().cancelling())


async def reschedule():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    deadline1 = loop.time() + 10
    deadline2 = deadline1 + 20

    async def f():
        async with asyncio.timeout_at(deadline1) as cm:
            fut.set_result(cm)
            await asyncio.sleep(50)

    task = asyncio.create_task(f())
    cm = await fut
    out("  when", cm.when() == deadline1)
    cm.reschedule(deadline2)
    out("  when", cm.when() == deadline2)
    cm.reschedule(None)
    out("  when", cm.when())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        out("  task cancelled", cm.expired())


async def repr_states():
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        pass
    out("  ", repr(cm))
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0)
    out("  ", repr(cm))
    async with asyncio.timeout(None) as cm:
        out("  ", repr(cm))


async def each(name, f):
    # each case in its own task, as each test has its own
    await outcome(name, asyncio.create_task(f()))


async def main():
    for name, f in [("zero", zero), ("zero_sleep_zero", zero_sleep_zero), ("past_sleep_zero", past_sleep_zero),
                    ("foreign_exception_passed", foreign_exception_passed),
                    ("foreign_exception_on_timeout", foreign_exception_on_timeout),
                    ("foreign_cancel_not_expired", foreign_cancel_not_expired),
                    ("nested_concurrent", nested_concurrent), ("nested_loop_busy", nested_loop_busy),
                    ("nested_in_finally", nested_in_finally), ("after_cancellation", after_cancellation),
                    ("cancel_in_timeout_after_cancellation", cancel_in_timeout_after_cancellation),
                    ("reschedule", reschedule), ("repr", repr_states)]:
        await each(name, f)


go(main())
