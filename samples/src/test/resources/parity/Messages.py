from prelude import *


async def value():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(value())
    try:
        t.set_result(2)
    except RuntimeError as e:
        out("set_result", d(e))
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        out("set_exception", d(e))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        out("pending task", d(e))
    await t
    f = loop.create_future()
    f.set_result(1)
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        out("twice", d(e))
    f = loop.create_future()
    f.cancel()
    try:
        f.set_exception(KeyError("k"))
    except asyncio.InvalidStateError as e:
        out("cancelled", d(e))
    async with asyncio.timeout(1) as cm:
        pass
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        out("reschedule", d(e))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        out("barrier", d(e))
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        out("lock", d(e))
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        out("condition", d(e))


go(main())
