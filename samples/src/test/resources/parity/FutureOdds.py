from prelude import *


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(asyncio.CancelledError("as exception"))
    out("cancelled()", f.cancelled(), f.done(), d(f.exception()))
    try:
        await f
    except asyncio.CancelledError as e:
        out("await raised", d(e), asyncio.current_task().cancelling())
    f = loop.create_future()
    f.set_exception(TimeoutError())
    out("timeout as exception", d(f.exception()))
    f = loop.create_future()
    f.cancel()
    out("cancel twice", f.cancel(), f.cancelled())
    # a task whose coroutine raises CancelledError by itself, without being cancelled
    async def raises_cancelled():
        await asyncio.sleep(0)
        raise asyncio.CancelledError("self-made")
    t = asyncio.create_task(raises_cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        out("self-made", d(e), t.cancelled(), t.cancelling())
    # awaiting a cancelled task from a task that was not cancelled: the awaiter is not cancelled
    out("me", asyncio.current_task().cancelling(), asyncio.current_task().cancelled())
    # a coroutine that raises CancelledError before its first await, run by gather
    async def early():
        raise asyncio.CancelledError()
    res = await asyncio.gather(early(), asyncio.sleep(0, "ok"), return_exceptions=True)
    out("gather early", [d(x) if isinstance(x, BaseException) else x for x in res])
    # shield of a task that raises CancelledError by itself
    s = asyncio.create_task(raises_cancelled())
    try:
        await asyncio.shield(s)
    except asyncio.CancelledError as e:
        out("shield self-made", d(e), s.cancelled())
    # wait_for of a task that raises CancelledError by itself
    s = asyncio.create_task(raises_cancelled())
    try:
        await asyncio.wait_for(s, 1)
    except asyncio.CancelledError as e:
        out("wait_for self-made", d(e), asyncio.current_task().cancelling())
    # TaskGroup child raising CancelledError by itself
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raises_cancelled())
            tg.create_task(asyncio.sleep(0.02))
        out("group fine")
    except BaseException as e:
        out("group", d(e))


go(main())
