from prelude import *

# Cases ported from CPython 3.11's test_tasks.py: cancel messages, cancelling()/uncancel(), the
# cancel semantics tests, wait/as_completed/shield/gather corner cases, current_task. The
# task's repr is compared up to its coro= part (CPython prints the coroutine's source position,
# and keeps printing it once the task is done, where asyncj drops the coroutine).


def rs(t):
    return repr(t).split(' coro=')[0].rstrip('>')


def attempt(name, f):
    try:
        out(name, f())
    except BaseException as e:
        out(name, "raised", d(e))


async def sleep10():
    await asyncio.sleep(10)


async def nothing():
    return 'abc'


async def cancel_messages():
    t = asyncio.create_task(nothing(), name="T")
    out("cancel_message_getter", t.cancel('my message'), rs(t))
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_message_getter", d(e), rs(t))
    for label, args in (("no args", ()), ("None", (None,)), ("message", ('my message',))):
        async def coro():
            task = asyncio.create_task(sleep10())
            await asyncio.sleep(0)
            task.cancel(*args)
            done, pending = await asyncio.wait([task])
            task.result()
        try:
            await asyncio.create_task(coro())
        except asyncio.CancelledError as e:
            out("cancel_with_message_then_result", label, d(e))

        async def coro2():
            task = asyncio.create_task(sleep10())
            await asyncio.sleep(0)
            task.cancel(*args)
            done, pending = await asyncio.wait([task])
            task.exception()
        try:
            await asyncio.create_task(coro2())
        except asyncio.CancelledError as e:
            out("cancel_with_message_then_exception", label, d(e))

    async def coro3():
        task = asyncio.create_task(sleep10())
        task.cancel('my message')
        done, pending = await asyncio.wait([task])
        task.exception()
    try:
        await asyncio.create_task(coro3())
    except asyncio.CancelledError as e:
        out("cancel_with_message_before_starting", d(e))

    fut = asyncio.get_running_loop().create_future()

    async def sleeper():
        fut.set_result(None)
        await asyncio.sleep(10)

    async def coro4():
        inner_task = asyncio.create_task(sleeper())
        await fut
        asyncio.get_running_loop().call_soon(inner_task.cancel, 'msg')
        try:
            await inner_task
        except asyncio.CancelledError as ex:
            raise ValueError("cancelled") from ex
    try:
        await asyncio.create_task(coro4())
    except ValueError as e:
        out("cancellation_exception_context", d(e), d(e.__cause__))


async def cancelling():
    t = asyncio.create_task(sleep10(), name="C")
    out("cancelling", t.cancelling(), rs(t))
    out("cancelling", t.cancel(), t.cancelling(), rs(t))
    out("cancelling", t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancelling", d(e), t.cancelling(), rs(t))

    async def task():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            out("uncancel_basic", "uncancel", asyncio.current_task().uncancel())
            await asyncio.sleep(10)

    t = asyncio.create_task(task(), name="U")
    await asyncio.sleep(0.01)
    out("uncancel_basic", t.cancel(), rs(t), t.cancelling(), t.cancelled())
    await asyncio.sleep(0.01)
    out("uncancel_basic", rs(t), t.cancelling(), t.cancelled())
    out("uncancel_basic", t.cancel(), t.cancelling(), t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        out("uncancel_basic", d(e), t.cancelled(), t.done())
    t.uncancel()
    out("uncancel_basic", t.cancelled(), t.done(), t.cancelling())


async def make_request_with_timeout(sleep, timeout):
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    state = {"timed_out": False, "finished": False, "outer": False, "uncancel": None}

    def on_timeout():
        state["timed_out"] = True
        task.cancel()

    timeout_handle = loop.call_later(timeout, on_timeout)
    try:
        try:
            await asyncio.sleep(sleep)
            state["finished"] = True
        finally:
            timeout_handle.cancel()
            if state["timed_out"]:
                state["uncancel"] = task.uncancel()
                if state["uncancel"] == 0 and sys.exc_info()[0] is asyncio.CancelledError:
                    raise TimeoutError
    except TimeoutError:
        out("structured_blocks", "TimeoutError caught")
    state["outer"] = True
    await asyncio.sleep(0)
    return [state["timed_out"], state["finished"], state["outer"], state["uncancel"], task.cancelling()]


async def structured():
    t1 = asyncio.create_task(make_request_with_timeout(10.0, 0.01))
    out("structured_blocks", await t1, t1.cancelling())
    t2 = asyncio.create_task(make_request_with_timeout(0, 10.0))
    out("structured_blocks", await t2, t2.cancelling())


async def cancel_semantics():
    async def task12():
        await asyncio.sleep(10.0)
        return 12
    t = asyncio.create_task(task12())
    asyncio.get_running_loop().call_soon(t.cancel)
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel", d(e), t.done(), t.cancelled(), t.cancel())

    async def yields():
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        return 12
    t = asyncio.create_task(yields())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_yield", d(e), t.done(), t.cancelled(), t.cancel())

    loop = asyncio.get_running_loop()
    f = loop.create_future()

    async def awaits_f():
        await f
        return 12
    t = asyncio.create_task(awaits_f())
    await asyncio.sleep(0)
    f.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_inner_future", d(e), f.cancelled(), t.cancelled())

    f = loop.create_future()
    t = asyncio.create_task(awaits_f())
    await asyncio.sleep(0)
    f.cancel()
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_both_task_and_inner_future", d(e), t.done(), f.cancelled(), t.cancelled())

    fut1 = loop.create_future()
    fut2 = loop.create_future()

    async def catching():
        await fut1
        try:
            await fut2
        except asyncio.CancelledError:
            return 42
    t = asyncio.create_task(catching())
    await asyncio.sleep(0)
    fut1.set_result(None)
    await asyncio.sleep(0)
    t.cancel()
    out("cancel_task_catching", fut2.cancelled(), await t, t.cancelled(), t.cancelling())

    fut1 = loop.create_future()
    fut2 = loop.create_future()
    fut3 = loop.create_future()

    async def ignoring():
        await fut1
        try:
            await fut2
        except asyncio.CancelledError:
            pass
        return await fut3
    t = asyncio.create_task(ignoring())
    await asyncio.sleep(0)
    fut1.set_result(None)
    await asyncio.sleep(0)
    t.cancel()
    out("cancel_task_ignoring", fut2.cancelled())
    await asyncio.sleep(0)
    fut3.set_result(42)
    out("cancel_task_ignoring", await t, fut3.cancelled(), t.cancelled(), t.cancelling())

    box = []

    async def cancel_self():
        box[0].cancel()
        out("cancel_current_task", rs(box[0]))
        await asyncio.sleep(100)
        return 12
    t = asyncio.create_task(cancel_self(), name="S")
    box.append(t)
    out("cancel_current_task", t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_current_task", d(e), t.done(), t.cancelled(), t.cancel())

    async def cancel_at_end():
        box[1].cancel()
        return 12
    t = asyncio.create_task(cancel_at_end())
    box.append(t)
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_at_end", d(e), t.done(), t.cancelled(), t.cancel())

    fut = loop.create_future()
    nested_box = []

    async def nested():
        await fut

    async def coro():
        nested_box.append(asyncio.create_task(nested()))
        await asyncio.sleep(0)
        box[2].cancel()
        await nested_box[0]
    t = asyncio.create_task(coro())
    box.append(t)
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_awaited_task", d(e), t.cancelled(), nested_box[0].cancelled(), fut.cancelled())

    async def doit():
        sleeper = asyncio.create_task(asyncio.sleep(5000))
        loop.call_later(0.01, sleeper.cancel)
        try:
            await sleeper
        except asyncio.CancelledError:
            return 'cancelled'
        else:
            return 'slept in'
    out("cancel_sleeping_task", await doit())

    fut = loop.create_future()

    async def waits():
        await fut
    t = asyncio.create_task(waits())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    try:
        await t
    except asyncio.CancelledError as e:
        out("cancel_waiter_future", d(e), fut.cancelled())

    waiter = loop.create_future()
    proof = []

    async def inner():
        try:
            await waiter
        except asyncio.CancelledError:
            proof.append(1)
            raise

    async def outer():
        try:
            await inner()
        except asyncio.CancelledError:
            proof.append(100)
        else:
            proof.append(10)
    f = asyncio.ensure_future(outer())
    await asyncio.sleep(0)
    f.cancel()
    await f
    out("yield_future_passes_cancel", proof, waiter.cancelled(), f.cancelled())

    waiter = loop.create_future()
    proof = []

    async def inner2():
        await waiter
        proof.append(1)

    async def outer2():
        d_, p = await asyncio.wait([asyncio.create_task(inner2())])
        proof.append(100)
    f = asyncio.ensure_future(outer2())
    await asyncio.sleep(0)
    f.cancel()
    try:
        await f
    except asyncio.CancelledError as e:
        out("wait_does_not_shield_cancel", d(e))
    waiter.set_result(None)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    out("wait_does_not_shield_cancel", proof)


async def waits():
    a = asyncio.create_task(asyncio.sleep(0.01))
    b = asyncio.create_task(asyncio.sleep(0.02))
    done, pending = await asyncio.wait([b, a])
    out("wait", done == {a, b}, len(pending))
    done, pending = await asyncio.wait([b, a])
    out("wait again", done == {a, b}, len(pending))

    async def coro(s):
        return s
    c = asyncio.create_task(coro('test'))
    done, pending = await asyncio.wait([c, c, asyncio.create_task(coro('spam'))])
    out("wait_duplicate", sorted(f.result() for f in done), len(done), len(pending))

    a = asyncio.create_task(asyncio.sleep(10.0))
    b = asyncio.create_task(asyncio.sleep(0.01))
    done, pending = await asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED)
    out("wait_first_completed", done == {b}, pending == {a}, a.done(), b.done(), b.result())
    a.cancel()

    async def coro1():
        await asyncio.sleep(0)

    async def coro2():
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    a = asyncio.create_task(coro1())
    b = asyncio.create_task(coro2())
    done, pending = await asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED)
    out("wait_really_done", done == {a, b}, a.done(), b.done())

    a = asyncio.create_task(asyncio.sleep(10.0))

    async def exc():
        raise ZeroDivisionError('err')
    b = asyncio.create_task(exc())
    done, pending = await asyncio.wait([b, a], return_when=asyncio.FIRST_EXCEPTION)
    out("wait_first_exception", done == {b}, pending == {a})

    async def exc2():
        await asyncio.sleep(0.01)
        raise ZeroDivisionError('err')
    b = asyncio.create_task(exc2())
    done, pending = await asyncio.wait([b, a], return_when=asyncio.FIRST_EXCEPTION)
    out("wait_first_exception_in_wait", done == {b}, pending == {a}, d(b.exception()))
    a.cancel()

    a = asyncio.create_task(asyncio.sleep(0.01))

    async def sleeper():
        await asyncio.sleep(0.02)
        raise ZeroDivisionError('really')
    b = asyncio.create_task(sleeper())
    done, pending = await asyncio.wait([b, a])
    out("wait_with_exception", len(done), len(pending), [d(f.exception()) for f in done if f.exception() is not None])

    a = asyncio.create_task(asyncio.sleep(0.01))
    b = asyncio.create_task(asyncio.sleep(0.15))
    done, pending = await asyncio.wait([b, a], timeout=0.05)
    out("wait_with_timeout", done == {a}, pending == {b})
    b.cancel()

    a = asyncio.create_task(asyncio.sleep(0.01, 'a'))
    b = asyncio.create_task(asyncio.sleep(0.01, 'b'))
    done, pending = await asyncio.wait([a, b])
    out("wait_concurrent_complete", sorted(f.result() for f in done), len(pending))

    for bad in ([],):
        try:
            await asyncio.wait(bad)
        except ValueError as e:
            out("wait_errors", d(e))


async def as_completed_tests():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(asyncio.sleep(0.03, 'a'))
    b = asyncio.create_task(asyncio.sleep(0.01, 'b'))
    c = asyncio.create_task(asyncio.sleep(0.02, 'c'))
    res = []
    for f in asyncio.as_completed([a, b, c]):
        res.append(await f)
    out("as_completed", res)

    a = asyncio.create_task(asyncio.sleep(0.01, 'a'))
    b = asyncio.create_task(asyncio.sleep(5, 'b'))
    values = []
    for f in asyncio.as_completed([a, b], timeout=0.05):
        try:
            values.append(await f)
        except asyncio.TimeoutError as e:
            values.append(d(e))
    out("as_completed_with_timeout", values)
    b.cancel()

    a = asyncio.create_task(asyncio.sleep(0.01, 'a'))
    for f in asyncio.as_completed([a], timeout=1):
        out("as_completed_unused_timeout", await f)

    a = asyncio.create_task(asyncio.sleep(0.01, 'a'))
    b = asyncio.create_task(asyncio.sleep(0.03, 'b'))
    futs = list(asyncio.as_completed([a, b]))
    out("as_completed_reverse_wait", len(futs), await futs[1], await futs[0])

    a = asyncio.create_task(asyncio.sleep(0.01, 'a'))
    b = asyncio.create_task(asyncio.sleep(0.01, 'b'))
    futs = list(asyncio.as_completed([a, b]))
    done, pending = await asyncio.wait([asyncio.ensure_future(fut) for fut in futs])
    out("as_completed_concurrent", sorted(f.result() for f in done))

    async def coro(s):
        return s
    c = asyncio.create_task(coro('ok'))
    res = [await f for f in asyncio.as_completed([c, c, asyncio.create_task(coro('spam'))])]
    out("as_completed_duplicate", sorted(res))


async def shields():
    loop = asyncio.get_running_loop()
    inner = loop.create_future()
    outer = asyncio.shield(inner)
    inner.set_result(42)
    out("shield_result", await outer)

    inner = loop.create_future()
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.set_exception(RuntimeError('expected'))
    await asyncio.sleep(0)
    out("shield_exception", d(outer.exception()))

    inner = loop.create_future()
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    await asyncio.sleep(0)
    out("shield_cancel_inner", outer.cancelled())

    inner = loop.create_future()
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    out("shield_cancel_outer", outer.cancelled(), inner.cancelled())
    inner.cancel()

    fut = loop.create_future()
    fut.set_result(42)
    out("shield_shortcut", await asyncio.shield(fut))

    waiter = loop.create_future()
    proof = []

    async def inner_c():
        await waiter
        proof.append(1)

    async def outer_c():
        await asyncio.shield(inner_c())
        proof.append(100)
    f = asyncio.ensure_future(outer_c())
    await asyncio.sleep(0)
    f.cancel()
    try:
        await f
    except asyncio.CancelledError as e:
        out("shield_effect", d(e))
    waiter.set_result(None)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    out("shield_effect", proof)

    child1 = loop.create_future()
    child2 = loop.create_future()
    parent = asyncio.gather(child1, child2)
    outer = asyncio.shield(parent)
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    out("shield_gather", outer.cancelled())
    child1.set_result(1)
    child2.set_result(2)
    await asyncio.sleep(0)
    out("shield_gather", parent.result())

    child1 = loop.create_future()
    child2 = loop.create_future()
    inner1 = asyncio.shield(child1)
    inner2 = asyncio.shield(child2)
    parent = asyncio.gather(inner1, inner2)
    await asyncio.sleep(0)
    out("gather_shield", parent.cancel())
    await asyncio.sleep(0)
    out("gather_shield", d(parent.exception()), inner1.cancelled(), inner2.cancelled(), child1.cancelled())
    child1.set_result(1)
    child2.set_result(2)
    await asyncio.sleep(0)


async def gathers():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def child_coro():
        return await fut
    gather_future = asyncio.gather(child_coro())
    gather_task = asyncio.ensure_future(gather_future)
    await asyncio.sleep(0)
    cancel_result = []
    fut.add_done_callback(lambda _: cancel_result.append(gather_task.cancel()))
    fut.set_result(42)
    out("cancel_gather_1", await gather_task, cancel_result, gather_task.cancelled())

    for label, args in (("no args", ()), ("message", ('my message',))):
        async def test():
            t = 0
            while True:
                t += 0.01
                await asyncio.gather(asyncio.sleep(0.01), return_exceptions=True)
                if t > 1:
                    return

        async def main2():
            qwe = asyncio.create_task(test())
            await asyncio.sleep(0.035)
            qwe.cancel(*args)
            await qwe
        try:
            await asyncio.create_task(main2())
        except asyncio.CancelledError as e:
            out("cancel_gather_2", label, d(e))

    a, b, c, d_, e = [loop.create_future() for i in range(5)]
    fut = asyncio.gather(a, b, c, d_, e)
    calls = []
    fut.add_done_callback(lambda f: calls.append(f is fut))
    a.set_result(1)
    b.set_exception(ZeroDivisionError("z"))
    await asyncio.sleep(0)
    out("one_exception", fut.done(), calls, d(fut.exception()))
    c.set_result(3)
    d_.cancel()
    e.set_exception(RuntimeError())
    e.exception()

    a, b, c, d_ = [loop.create_future() for i in range(4)]
    fut = asyncio.gather(a, b, c, d_, return_exceptions=True)
    b.set_result(1)
    c.set_exception(ZeroDivisionError("z"))
    a.set_result(3)
    await asyncio.sleep(0)
    out("return_exceptions", fut.done())
    d_.set_exception(RuntimeError("r"))
    await asyncio.sleep(0)
    out("return_exceptions", fut.done(), fut.result())

    a, b, c, d_, e = [loop.create_future() for i in range(5)]
    fut = asyncio.gather(a, b, c, d_, e)
    a.set_result(1)
    b.cancel()
    await asyncio.sleep(0)
    out("one_cancellation", fut.done(), fut.cancelled(), d(fut.exception()))
    c.set_result(3)
    d_.cancel()
    e.set_exception(RuntimeError())
    e.exception()

    a, b, c, d_, e, f = [loop.create_future() for i in range(6)]
    fut = asyncio.gather(a, b, c, d_, e, f, return_exceptions=True)
    a.set_result(1)
    b.set_exception(ZeroDivisionError("z"))
    c.cancel()
    await asyncio.sleep(0)
    out("result_exception_one_cancellation", fut.done())
    d_.set_result(3)
    e.cancel("msg")
    f.set_exception(RuntimeError("r"))
    out("result_exception_one_cancellation", await fut)

    async def coro(s):
        return s
    out("gather_empty", await asyncio.gather())

    waiter = loop.create_future()
    proof = []

    async def inner():
        await waiter
        proof.append(1)
    child1 = asyncio.ensure_future(inner())
    child2 = asyncio.ensure_future(inner())
    gatherer = []

    async def outer():
        gatherer.append(asyncio.gather(child1, child2))
        await gatherer[0]
        proof.append(100)
    f = asyncio.ensure_future(outer())
    await asyncio.sleep(0)
    out("cancellation_broadcast", f.cancel())
    try:
        await f
    except asyncio.CancelledError as e:
        out("cancellation_broadcast", d(e))
    out("cancellation_broadcast", gatherer[0].cancel(), waiter.cancelled(), child1.cancelled(), child2.cancelled())
    await asyncio.sleep(0)
    out("cancellation_broadcast", proof)

    async def inner_raise(f):
        await f
        raise RuntimeError('should not be ignored')
    a = loop.create_future()
    b = loop.create_future()

    async def outer2():
        await asyncio.gather(inner_raise(a), inner_raise(b))
    f = asyncio.ensure_future(outer2())
    await asyncio.sleep(0)
    a.set_result(None)
    await asyncio.sleep(0)
    b.set_result(None)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    out("exception_marking", d(f.exception()))


async def currents():
    box = []

    async def coro():
        out("current_task", asyncio.current_task() is box[0])
    t = asyncio.create_task(coro())
    box.append(t)
    await t
    loop = asyncio.get_running_loop()
    fut1 = loop.create_future()
    fut2 = loop.create_future()
    tasks = []

    async def coro1():
        out("interleaving", 1, asyncio.current_task() is tasks[0])
        await fut1
        out("interleaving", 1, asyncio.current_task() is tasks[0])
        fut2.set_result(True)

    async def coro2():
        out("interleaving", 2, asyncio.current_task() is tasks[1])
        fut1.set_result(True)
        await fut2
        out("interleaving", 2, asyncio.current_task() is tasks[1])
    tasks.append(asyncio.create_task(coro1()))
    tasks.append(asyncio.create_task(coro2()))
    await asyncio.wait(tasks)
    out("interleaving", asyncio.current_task().get_name())


async def reprs():
    t = asyncio.create_task(nothing(), name="R")
    out("task_repr", rs(t))
    t.cancel()
    out("task_repr", rs(t))
    try:
        await t
    except asyncio.CancelledError:
        pass
    out("task_repr", rs(t))
    t = asyncio.create_task(asyncio.sleep(0))
    out("task_repr_autogenerated", rs(t))
    await t
    f = asyncio.get_running_loop().create_future()
    f.set_result('abc')
    out("future_repr_str", repr(f))
    f = asyncio.get_running_loop().create_future()
    f.set_result(None)
    out("future_repr_none", repr(f))
    f = asyncio.get_running_loop().create_future()
    f.set_result([1, 'x'])
    out("future_repr_list", repr(f))


async def main():
    for t in (cancel_messages, cancelling, structured, cancel_semantics, waits,
              as_completed_tests, shields, gathers, currents, reprs):
        await t()


go(main())
