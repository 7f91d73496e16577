from prelude import *


class TerminateTaskGroup(Exception):
    pass


async def force_terminate_task_group():
    raise TerminateTaskGroup()


async def job(task_id, sleep_time):
    out(f"Task {task_id}: start")
    await asyncio.sleep(sleep_time)
    out(f"Task {task_id}: done")


async def converts():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise KeyError("converted")


async def slow_cleanup():
    try:
        await asyncio.sleep(1)
    finally:
        await asyncio.sleep(0.01)
        out("slow cleanup done")


async def terminate_example():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job(1, 0.01))
            group.create_task(job(2, 0.1))
            await asyncio.sleep(0.04)
            group.create_task(force_terminate_task_group())
    except* TerminateTaskGroup:
        out("terminated")
    # (cancelling() is not printed here: 3.11 leaves it at 1, asyncj follows 3.13's 0)


async def main():
    me = asyncio.current_task()
    await asyncio.create_task(terminate_example())
    # a timeout whose body turns the cancellation into another error
    try:
        async with asyncio.timeout(0.01):
            await converts()
    except TimeoutError:
        out("timeout")
    except KeyError as e:
        out("foreign", d(e), me.cancelling())
    # a timeout whose body cleans up slowly: still a TimeoutError
    try:
        async with asyncio.timeout(0.01) as cm:
            await slow_cleanup()
    except TimeoutError as e:
        out("slow", d(e), cm.expired(), me.cancelling())
    # the body ends by itself after the deadline passed but before the cancel arrived
    try:
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(0)
            import time; time.sleep(0.1)
        out("no timeout", cm.expired())
    except TimeoutError:
        out("timeout after body")
    # a foreign cancel inside a timeout scope: CancelledError, not TimeoutError
    async def inner():
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(1)
    t = asyncio.create_task(inner())
    await asyncio.sleep(0)
    t.cancel("foreign")
    try:
        await t
    except asyncio.CancelledError as e:
        out("foreign cancel", d(e))
    # TaskGroup misuse
    async with asyncio.TaskGroup() as tg:
        pass
    c = job(9, 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        out("finished group", str(e).endswith("is finished"))
    c.close()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(force_terminate_task_group())
            await asyncio.sleep(0.01)
    except* TerminateTaskGroup as eg:
        out("eg", d(eg))
        c = job(9, 0)
        try:
            tg.create_task(c)
        except RuntimeError as e:
            out("after failure", str(e).split(" ")[-1])
        c.close()
    # a child that fails while others clean up slowly
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_cleanup())
            tg.create_task(force_terminate_task_group())
    except* TerminateTaskGroup as eg:
        out("after slow cleanup", len(eg.exceptions))
    # a child turning its cancellation into an error
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(converts())
            tg.create_task(force_terminate_task_group())
    except ExceptionGroup as eg:
        out("both errors", sorted(type(e).__name__ for e in eg.exceptions))
    # except* takes the group apart
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(converts())
            tg.create_task(force_terminate_task_group())
    except* TerminateTaskGroup as eg:
        out("terminate part", d(eg))
    except* KeyError as eg:
        out("key part", d(eg))
    # results of children
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(asyncio.sleep(0.01 * i, i)) for i in range(3)]
    out("results", [t.result() for t in ts])


go(main())
