from prelude import *


def handler(loop, context):
    exc = context.get("exception")
    out("handler:", context["message"][:22], d(exc) if exc else None)


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        out("stubborn cleaning up")
        await asyncio.sleep(0.01)
        out("stubborn cleaned")
        raise ValueError("cleanup failed")


async def quiet():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        out("quiet swallows and returns")
        return 1


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    loop.call_later(0.02, lambda: out(1 / 0))
    t = asyncio.create_task(asyncio.sleep(0, "t"))
    t.add_done_callback(lambda f: out("task callback", f.result(), {}["missing"]))
    await asyncio.sleep(0.05)
    return "main value"


async def cancels_itself():
    asyncio.current_task().cancel("bye")
    await asyncio.sleep(0)
    out("not reached")


async def fails_after_child():
    asyncio.create_task(quiet())
    await asyncio.sleep(0)
    raise KeyError("main failed")


out("run returned", asyncio.run(main()))
go(cancels_itself())
go(fails_after_child())
