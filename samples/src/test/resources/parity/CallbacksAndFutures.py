from prelude import *


def handler(loop, context):
    exc = context.get("exception")
    # asyncj's done callbacks report their future, not a handle: only tasks and callbacks compared
    out("handler:", context["message"].split(" ")[0], d(exc) if exc else None)


def bad_callback(x):
    out("bad callback runs", x)
    raise ValueError("in callback " + str(x))


async def awaiter(name, fut):
    try:
        out(name, "got", await fut)
    except Exception as e:
        out(name, "raised", d(e))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback, 1)
    loop.call_soon(lambda: out("after bad callback", asyncio.current_task() is None))
    h = loop.call_soon(out, "never")
    h.cancel()
    out("handle cancelled", h.cancelled())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: out("cb1", f.result()))
    t1 = asyncio.create_task(awaiter("t1", fut))
    fut.add_done_callback(lambda f: out("cb2", f.result()))
    await asyncio.sleep(0)
    t2 = asyncio.create_task(awaiter("t2", fut))
    loop.call_soon(out, "soon before set")
    fut.set_result("value")
    loop.call_soon(out, "soon after set")
    await asyncio.gather(t1, t2)
    fut.add_done_callback(lambda f: out("cb3 late", f.done()))
    await asyncio.sleep(0)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        out("set twice", type(e).__name__)
    f2 = loop.create_future()
    try:
        f2.result()
    except asyncio.InvalidStateError as e:
        out("pending result", d(e))
    try:
        f2.exception()
    except asyncio.InvalidStateError as e:
        out("pending exception", d(e))

    def removed(f):
        out("removed cb ran")
    f2.add_done_callback(removed)
    f2.add_done_callback(removed)
    out("removed", f2.remove_done_callback(removed) > 0)  # asyncj: a boolean
    f2.add_done_callback(lambda f: out(1 / 0))
    f2.set_exception(KeyError("k"))
    out("exception", d(f2.exception()))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    f3 = loop.create_future()
    f3.cancel("why")
    out("cancelled", f3.cancelled(), f3.cancel())
    try:
        await f3
    except asyncio.CancelledError as e:
        out("await cancelled future", d(e))
    try:
        f3.result()
    except asyncio.CancelledError as e:
        out("result again", d(e))
    timer = loop.call_later(0.001, out, "timer fired")
    later = loop.call_later(0.002, out, "cancelled timer")
    later.cancel()
    await asyncio.sleep(0.005)
    out("timer cancelled", later.cancelled())


go(main())
