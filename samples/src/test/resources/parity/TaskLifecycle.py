from prelude import *


async def stubborn(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        out(name, "swallows", d(e), asyncio.current_task().cancelling())
        return name + " survived"
    return name + " slept"


async def cleanup(name):
    try:
        await asyncio.sleep(1)
    finally:
        out(name, "cleanup starts")
        try:
            await asyncio.sleep(0.01)
            out(name, "cleanup done")
        except asyncio.CancelledError as e:
            out(name, "cleanup cancelled", d(e))
            raise


async def raiser_in_finally():
    try:
        await asyncio.sleep(1)
    finally:
        raise KeyError("from finally")


async def uncanceller():
    for i in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            t = asyncio.current_task()
            out("uncancel", i, t.cancelling(), t.uncancel(), t.cancelling())
    return "kept going"


async def leftover(name):
    try:
        await asyncio.sleep(10)
    finally:
        out(name, "cancelled at shutdown", asyncio.current_task().cancelling())


async def main():
    t = asyncio.create_task(stubborn("s"))
    await asyncio.sleep(0)
    t.cancel("please")
    out("s result", await t, t.cancelled(), t.cancelling())
    t = asyncio.create_task(cleanup("c1"))
    await asyncio.sleep(0)
    t.cancel("one")
    await asyncio.sleep(0)
    t.cancel("two")
    try:
        await t
    except asyncio.CancelledError as e:
        out("c1", d(e), t.cancelling())
    t = asyncio.create_task(cleanup("c2"))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        out("c2 ended cancelled", t.cancelled())
    t = asyncio.create_task(raiser_in_finally())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except KeyError as e:
        out("finally raised", d(e), t.cancelled(), type(e.__context__).__name__)
    t = asyncio.create_task(uncanceller())
    for _ in range(3):
        await asyncio.sleep(0)
        t.cancel()
    out(await t, t.cancelling())
    me = asyncio.current_task()
    out("me", me.get_name(), me in asyncio.all_tasks(), len(asyncio.all_tasks()))
    me.set_name("main")
    # One leftover only: asyncio.run cancels them in the order of a set.
    asyncio.create_task(leftover("l1"), name="second")
    await asyncio.sleep(0)
    out("tasks", sorted(t.get_name() for t in asyncio.all_tasks()))
    raise ValueError("main fails")


go(main())
