from prelude import *


async def main():
    loop = asyncio.get_running_loop()
    out("default handler", loop.get_exception_handler())

    def handler(loop, context):
        exc = context.get("exception")
        out("handler:", context["message"].split(" ")[0], d(exc) if exc else None)
        if exc is not None and str(exc) == "raise in handler":
            raise ValueError("from the handler")

    loop.set_exception_handler(handler)
    out("handler set", loop.get_exception_handler() is handler)

    # the order of done callbacks and call_soon callbacks
    fut = loop.create_future()
    loop.call_soon(out, "soon 1")
    fut.add_done_callback(lambda f: out("done cb a", f.result()))
    fut.add_done_callback(lambda f: out("done cb b", f.result()))
    loop.call_soon(out, "soon 2")
    loop.call_soon(fut.set_result, "R")
    loop.call_soon(out, "soon 3")
    await asyncio.sleep(0)
    out("after one iteration", fut.done())
    fut.add_done_callback(lambda f: out("late cb"))
    loop.call_soon(out, "soon 4")
    await asyncio.sleep(0)
    await asyncio.sleep(0)

    # removing callbacks
    fut = loop.create_future()

    def cb(f):
        out("cb runs", f.cancelled())

    def other(f):
        out("other runs")
    fut.add_done_callback(cb)
    fut.add_done_callback(other)
    fut.add_done_callback(cb)
    out("removed", fut.remove_done_callback(cb) > 0, fut.remove_done_callback(cb) > 0)  # asyncj: booleans
    fut.add_done_callback(cb)
    out("cancel", fut.cancel("stop"), fut.cancel())
    out("remove after done", fut.remove_done_callback(cb) > 0)
    await asyncio.sleep(0)
    try:
        fut.result()
    except asyncio.CancelledError as e:
        out("result", d(e))
    try:
        fut.exception()
    except asyncio.CancelledError as e:
        out("exception", d(e))
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        out("set_result after cancel", d(e))
    try:
        fut.set_exception(KeyError("k"))
    except asyncio.InvalidStateError as e:
        out("set_exception after cancel", d(e))

    # errors in callbacks go to the handler; the loop goes on
    fut = loop.create_future()
    fut.add_done_callback(lambda f: out("first sees", d(f.exception())))
    fut.add_done_callback(lambda f: f.result())
    fut.add_done_callback(lambda f: out("third still runs"))
    fut.set_exception(KeyError("in future"))
    await asyncio.sleep(0)
    def raising():
        raise KeyError("raise in handler")
    loop.call_soon(raising)
    loop.call_soon(out, "after the handler raised")
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "custom message", "exception": IndexError("ix")})
    loop.call_exception_handler({"message": "no exception"})
    # done callbacks of tasks
    async def work(x):
        await asyncio.sleep(0)
        if x < 0:
            raise ValueError(str(x))
        return x

    t = asyncio.create_task(work(5))
    t.add_done_callback(lambda t: out("task cb", t.result(), t.done()))
    t2 = asyncio.create_task(work(-1))
    t2.add_done_callback(lambda t: out("task2 cb", d(t.exception())))
    t3 = asyncio.create_task(work(1))
    t3.add_done_callback(lambda t: out("task3 cb", t.cancelled()))
    t3.cancel()
    await asyncio.wait([t, t2, t3])
    await asyncio.sleep(0)

    # handles
    h1 = loop.call_soon(out, "h1")
    h2 = loop.call_soon(out, "h2")
    def cancel_next():
        out("cancelling h4")
        h4.cancel()
    loop.call_soon(cancel_next)
    h4 = loop.call_soon(out, "h4")
    await asyncio.sleep(0)
    out("h1", h1.cancelled(), "h4", h4.cancelled())
    h1.cancel()
    out("cancel after run", h1.cancelled())
    th = loop.call_later(0.001, out, "timer")
    await asyncio.sleep(0.01)
    th.cancel()
    out("timer cancelled after firing", th.cancelled())
    loop.set_exception_handler(None)
    out("handler reset", loop.get_exception_handler())


go(main())
