"""Cases ported from CPython 3.11's test_taskgroups.py (test_taskgroup_11 to _19), with shorter sleeps."""
from prelude import *


class MyExc(Exception):
    pass


async def foo():
    try:
        await asyncio.sleep(1)
    finally:
        raise ZeroDivisionError("division by zero")


async def crash_after(t):
    await asyncio.sleep(t)
    raise ValueError(str(t))


async def crash_soon(t):
    await asyncio.sleep(t)
    raise ZeroDivisionError("division by zero")


async def r11():
    async with asyncio.TaskGroup():
        async with asyncio.TaskGroup() as g2:
            for _ in range(3):
                g2.create_task(foo())
            await asyncio.sleep(1)


async def r12():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(asyncio.sleep(1))
        async with asyncio.TaskGroup() as g2:
            for _ in range(3):
                g2.create_task(foo())
            await asyncio.sleep(1)


async def r13():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(crash_after(0.01))
        async with asyncio.TaskGroup() as g2:
            g2.create_task(crash_after(1))


async def r14():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(crash_after(1))
        async with asyncio.TaskGroup() as g2:
            g2.create_task(crash_after(0.01))


async def r15():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(crash_soon(0.03))
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            await asyncio.sleep(0.05)
            raise


async def r16():
    t = asyncio.create_task(r15())
    await t


NUM = 0


async def r17():
    global NUM
    async with asyncio.TaskGroup():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            NUM += 10
            raise


async def r18():
    global NUM
    async with asyncio.TaskGroup():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            NUM += 10
            raise MyExc("weird")


async def nested():
    try:
        await asyncio.sleep(1)
    finally:
        raise MyExc("nested")


async def r19():
    async with asyncio.TaskGroup() as g:
        g.create_task(crash_soon(0.01))
        await nested()


async def case(name, f, cancel_after):
    r = asyncio.create_task(f())
    if cancel_after is not None:
        await asyncio.sleep(cancel_after)
        out(name, "done before cancel", r.done())
        r.cancel()
    try:
        await r
        out(name, "returned")
    except BaseException as e:
        out(name, d(e))
    out(name, "cancelled", r.cancelled(), "NUM", NUM)


async def main():
    await case("11", r11, 0.01)
    await case("12", r12, 0.01)
    await case("13", r13, None)
    await case("14", r14, None)
    await case("15", r15, 0.01)
    await case("16", r16, 0.01)
    await case("17", r17, 0.01)
    await case("18", r18, 0.01)
    await case("19", r19, None)


go(main())
