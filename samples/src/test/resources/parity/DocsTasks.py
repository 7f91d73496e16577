from prelude import *


async def say_after(delay, what):
    await asyncio.sleep(delay)
    out(what)
    return what


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        out(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(0.01 * (1 + (ord(name) - ord("A")) * 0.3))
        f *= i
    out(f"Task {name}: factorial({number}) = {f}")
    return f


async def eternity():
    await asyncio.sleep(3600)
    out("yay!")


async def cancel_me():
    out("cancel_me(): before sleep")
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        out("cancel_me(): cancel sleep")
        raise
    finally:
        out("cancel_me(): after sleep")


async def foo():
    return 42


async def long_running_task():
    await asyncio.sleep(3600)


async def main():
    await say_after(0.01, "hello")
    await say_after(0.02, "world")
    task1 = asyncio.create_task(say_after(0.02, "hello2"))
    task2 = asyncio.create_task(say_after(0.04, "world2"))
    await task1
    await task2
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(say_after(0.01, "tg hello"))
        t2 = tg.create_task(say_after(0.03, "tg world"))
        out("started")
    out(f"Both tasks have completed now: {t1.result()}, {t2.result()}")
    L = await asyncio.gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))
    out(L)
    try:
        await asyncio.wait_for(eternity(), timeout=0.01)
    except TimeoutError:
        out("timeout!")
    task = asyncio.create_task(cancel_me())
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        out("main(): cancel_me is cancelled now")
    out(task.done(), task.cancelled())
    try:
        task.result()
    except asyncio.CancelledError as e:
        out("result", d(e))
    try:
        task.exception()
    except asyncio.CancelledError as e:
        out("exception", d(e))
    task = asyncio.create_task(foo())
    done, pending = await asyncio.wait({task})
    if task in done:
        out("task in done", len(done), len(pending), task.result(), task.exception())
    try:
        async with asyncio.timeout(0.01):
            await long_running_task()
    except TimeoutError:
        out("The long operation timed out, but we've handled it.")
    out("This statement will run regardless.")
    try:
        async with asyncio.timeout(None) as cm:
            new_deadline = asyncio.get_running_loop().time() + 0.01
            cm.reschedule(new_deadline)
            await long_running_task()
    except TimeoutError:
        pass
    if cm.expired():
        out("Looks like we haven't finished on time.")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.01
    try:
        async with asyncio.timeout_at(deadline):
            await long_running_task()
    except TimeoutError:
        out("timeout_at: timed out, handled")
    results = []
    for coro in asyncio.as_completed([say_after(0.03, "c"), say_after(0.01, "a"), say_after(0.02, "b")]):
        results.append(await coro)
    out("as_completed", results)
    # pending task introspection
    t = asyncio.create_task(say_after(0.01, "pending"), name="worker")
    out(t.get_name(), t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        out("result", d(e))
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        out("exception", d(e))
    t.set_name("renamed")
    out(t.get_name(), asyncio.current_task().get_name(), t in asyncio.all_tasks())
    await t
    out(t.get_name(), t.done(), t in asyncio.all_tasks())
    # gather: a cancelled child is treated as raising CancelledError
    c = asyncio.create_task(say_after(1, "never"))
    ok = asyncio.create_task(say_after(0.01, "ok"))
    g = asyncio.gather(c, ok, return_exceptions=True)
    await asyncio.sleep(0)
    c.cancel("child msg")
    out("gather", [d(x) if isinstance(x, BaseException) else x for x in await g])
    c = asyncio.create_task(say_after(1, "never"))
    g = asyncio.gather(c, say_after(0.01, "ok2"))
    await asyncio.sleep(0)
    c.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        out("gather raised", d(e), g.cancelled(), g.done())
    # cancelling the gather cancels the children
    a = asyncio.create_task(say_after(1, "never"))
    g = asyncio.gather(a, say_after(1, "never2"))
    await asyncio.sleep(0)
    out("cancel gather", g.cancel("stop"))
    try:
        await g
    except asyncio.CancelledError as e:
        out("gather cancelled", d(e), a.cancelled(), g.cancelled())
    # shield: the outer is cancelled, the inner goes on
    inner = asyncio.create_task(say_after(0.02, "shielded"))
    outer = asyncio.ensure_future(asyncio.shield(inner))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        out("outer cancelled", inner.cancelled())
    out("inner", await inner)
    # sleep(0) and sleep with result
    out("sleep result", await asyncio.sleep(0, "r"), await asyncio.sleep(0.01, result=5))


go(main())
