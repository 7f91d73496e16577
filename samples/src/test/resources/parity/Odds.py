from prelude import *


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def main():
    loop = asyncio.get_running_loop()
    out("sleep result", await asyncio.sleep(0.001, "r"), await asyncio.sleep(0))
    # wait_for on futures
    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, 0.01)
    except asyncio.TimeoutError as e:
        out("wait_for future timed out", d(e), fut.cancelled())
    fut = loop.create_future()
    fut.set_result("done already")
    out("wait_for done future, timeout 0", await asyncio.wait_for(fut, 0))
    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, 0)
    except asyncio.TimeoutError as e:
        out("wait_for pending future, timeout 0", fut.cancelled())
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "in time")
    out("wait_for future", await asyncio.wait_for(fut, None))
    t = asyncio.create_task(value("task", 1))
    try:
        await asyncio.wait_for(t, 0.01)
    except asyncio.TimeoutError:
        out("wait_for task timed out", t.cancelled())
    fut = loop.create_future()
    fut.set_exception(KeyError("failed"))
    try:
        await asyncio.wait_for(fut, 0)
    except KeyError as e:
        out("wait_for failed future, timeout 0", d(e))
    # as_completed with a timeout: the rest are not cancelled
    tasks = [asyncio.create_task(value(n, dl)) for n, dl in (("slow", 0.2), ("fast", 0.001), ("mid", 0.01))]
    got = []
    try:
        for c in asyncio.as_completed(tasks, timeout=0.1):
            got.append(await c)
    except asyncio.TimeoutError as e:
        out("as_completed timed out", got, d(e), [t.cancelled() for t in tasks], tasks[0].done())
    out("slow still finishes", await tasks[0])
    # as_completed of done futures and duplicates
    f1 = loop.create_future()
    f1.set_result(1)
    t = asyncio.create_task(value(2))
    out("as_completed dups", [await c for c in asyncio.as_completed([f1, t, t, f1])])
    # tasks: set_result/set_exception refused, result of a pending task, exception of a cancelled one
    t = asyncio.create_task(value(3, 1))
    try:
        t.set_result(1)
    except RuntimeError as e:
        out("task set_result", d(e))
    try:
        t.set_exception(KeyError())
    except RuntimeError as e:
        out("task set_exception", d(e))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        out("pending task result", d(e))
    t.cancel("bye")
    out("cancelling", t.cancelling(), t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancelled", d(e), t.cancelled(), t.cancel(), t.cancelling())
    try:
        t.exception()
    except asyncio.CancelledError as e:
        out("exception of cancelled task", type(e).__name__)
    # a coroutine awaited twice
    c = value(4)
    out("first", await c)
    t = asyncio.create_task(c)
    try:
        await t
    except RuntimeError as e:
        out("task of an awaited coroutine", d(e))
    # a future of another loop
    other = asyncio.new_event_loop()
    ofut = other.create_future()
    try:
        await ofut
    except RuntimeError as e:
        out("await a future of another loop", type(e).__name__)
    other.close()
    # gather of nothing, of the same task twice
    out("gather nothing", await asyncio.gather())
    t = asyncio.create_task(value(5))
    out("gather same task", await asyncio.gather(t, t))
    # current task and all tasks
    me = asyncio.current_task()
    t = asyncio.create_task(value(6), name="worker")
    out("all tasks", sorted(x.get_name() for x in asyncio.all_tasks()), me in asyncio.all_tasks())
    await t
    out("after", sorted(x.get_name() for x in asyncio.all_tasks()))


go(main())
