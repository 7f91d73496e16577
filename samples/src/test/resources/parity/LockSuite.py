from prelude import *

# Cases ported from CPython 3.11's test_locks.py: LockTests, EventTests, ConditionTests.
# Private state (_waiters) is read through the repr's bracket, "[locked, waiters:1]".
# wait_for returns the predicate's value; the Java twin's BooleanSupplier returns a boolean, so the predicate here is True.


def br(x):
    r = repr(x)
    return r[r.index('['):r.index(']') + 1]


async def lock_acquire():
    lock = asyncio.Lock()
    result = []
    out("acquire", await lock.acquire())

    async def c(n):
        if await lock.acquire():
            result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    out("acquire", result, br(lock))
    lock.release()
    await asyncio.sleep(0)
    out("acquire", result)
    await asyncio.sleep(0)
    out("acquire", result)
    t3 = asyncio.create_task(c(3))
    lock.release()
    await asyncio.sleep(0)
    out("acquire", result)
    lock.release()
    await asyncio.sleep(0)
    out("acquire", result, t1.done(), t1.result(), t2.result(), t3.result(), br(lock))
    lock.release()


async def lock_acquire_cancel():
    lock = asyncio.Lock()
    out("acquire_cancel", await lock.acquire())
    task = asyncio.create_task(lock.acquire())
    asyncio.get_running_loop().call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError as e:
        out("acquire_cancel", d(e), br(lock))


async def lock_cancel_race():
    lock = asyncio.Lock()

    async def lockit(name, blocker):
        await lock.acquire()
        try:
            if blocker is not None:
                await blocker
        finally:
            lock.release()

    fa = asyncio.get_running_loop().create_future()
    ta = asyncio.create_task(lockit('A', fa))
    await asyncio.sleep(0)
    out("cancel_race", lock.locked())
    tb = asyncio.create_task(lockit('B', None))
    await asyncio.sleep(0)
    out("cancel_race", br(lock))
    tc = asyncio.create_task(lockit('C', None))
    await asyncio.sleep(0)
    out("cancel_race", br(lock))
    fa.set_result(None)
    tb.cancel()
    await asyncio.sleep(0)
    out("cancel_race", lock.locked(), ta.done(), tb.cancelled(), tc.done())
    await tc
    out("cancel_race", br(lock))


async def lock_cancel_release_race():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    counts = [0, 0]

    async def lockit():
        counts[1] += 1
        await lock.acquire()
        counts[0] += 1

    def trigger():
        t1.cancel()
        lock.release()

    await lock.acquire()
    t1 = asyncio.create_task(lockit())
    t2 = asyncio.create_task(lockit())
    t3 = asyncio.create_task(lockit())
    await asyncio.sleep(0)
    loop.call_soon(trigger)
    try:
        await t1
    except asyncio.CancelledError:
        out("cancel_release_race", "t1 cancelled")
    out("cancel_release_race", counts, t1.cancelled(), t2.done(), t3.done())
    t3.cancel()
    await asyncio.sleep(0)
    out("cancel_release_race", t3.cancelled(), br(lock))


async def lock_finished_waiter_cancelled():
    lock = asyncio.Lock()
    await lock.acquire()
    tb = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    out("finished_waiter_cancelled", br(lock))
    tc = asyncio.create_task(lock.acquire())
    tb.cancel()
    lock.release()
    await asyncio.sleep(0)
    out("finished_waiter_cancelled", lock.locked(), tb.cancelled(), tc.done())
    out("finished_waiter_cancelled", await tc, br(lock))


async def lock_release():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        out("release_not_acquired", d(e))
    await lock.acquire()
    out("release_no_waiters", br(lock))
    lock.release()
    out("release_no_waiters", br(lock))


async def event_wait():
    ev = asyncio.Event()
    result = []

    async def c(n):
        if await ev.wait():
            result.append(n)

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    out("event_wait", result, br(ev))
    t3 = asyncio.create_task(c(3))
    ev.set()
    await asyncio.sleep(0)
    out("event_wait", result, t1.done(), t1.result(), t2.result(), t3.result(), br(ev))
    out("event_wait_on_set", await ev.wait())


async def event_wait_cancel():
    ev = asyncio.Event()
    wait = asyncio.create_task(ev.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError as e:
        out("event_wait_cancel", d(e), br(ev))


async def event_clear_with_waiters():
    ev = asyncio.Event()
    result = []

    async def c1():
        if await ev.wait():
            result.append(1)
        return True

    t = asyncio.create_task(c1())
    await asyncio.sleep(0)
    out("clear_with_waiters", result)
    ev.set()
    ev.clear()
    out("clear_with_waiters", ev.is_set())
    ev.set()
    ev.set()
    out("clear_with_waiters", br(ev))
    await asyncio.sleep(0)
    out("clear_with_waiters", result, br(ev), t.done(), t.result())


async def cond_wait():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        await cond.acquire()
        if await cond.wait():
            result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    out("cond_wait", result, cond.locked(), br(cond))
    out("cond_wait", await cond.acquire())
    cond.notify()
    await asyncio.sleep(0)
    out("cond_wait", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    out("cond_wait", result, cond.locked())
    cond.notify(2)
    await asyncio.sleep(0)
    out("cond_wait", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    out("cond_wait", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    out("cond_wait", result, cond.locked(), t1.result(), t2.result(), t3.result(), br(cond))
    cond.release()


async def cond_wait_cancel():
    cond = asyncio.Condition()
    await cond.acquire()
    wait = asyncio.create_task(cond.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError as e:
        out("cond_wait_cancel", d(e), br(cond), cond.locked())
    cond.release()


async def cond_wait_cancel_contested():
    cond = asyncio.Condition()
    await cond.acquire()
    wait_task = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    out("wait_cancel_contested", cond.locked())
    await cond.acquire()
    out("wait_cancel_contested", cond.locked())
    cond.notify()
    asyncio.get_running_loop().call_soon(wait_task.cancel)
    asyncio.get_running_loop().call_soon(cond.release)
    try:
        await wait_task
        out("wait_cancel_contested", "not cancelled")
    except asyncio.CancelledError:
        out("wait_cancel_contested", "cancelled")
    out("wait_cancel_contested", cond.locked(), wait_task.cancelled())
    cond.release()


async def cond_wait_cancel_after_notify():
    waited = []
    cond = asyncio.Condition()

    async def wait_on_cond():
        async with cond:
            waited.append(True)
            await cond.wait()

    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    cond.release()
    await asyncio.sleep(0)
    out("wait_cancel_after_notify", waiter.cancelled(), waited, cond.locked())


async def cond_unacquired():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        out("wait_unacquired", d(e))
    out("wait_for_unacquired", await cond.wait_for(lambda: True))
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        out("wait_for_unacquired", d(e))
    for name, f in (("notify", cond.notify), ("notify_all", cond.notify_all)):
        try:
            f()
        except RuntimeError as e:
            out(name + "_unacquired", d(e))


async def cond_wait_for():
    cond = asyncio.Condition()
    presult = [False]
    calls = []

    def predicate():
        calls.append(presult[0])
        return presult[0]

    result = []

    async def c1():
        await cond.acquire()
        if await cond.wait_for(predicate):
            result.append(1)
            cond.release()
        return True

    t = asyncio.create_task(c1())
    await asyncio.sleep(0)
    out("wait_for", result, calls)
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    out("wait_for", result, calls)
    presult[0] = True
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    out("wait_for", result, calls, t.done(), t.result())


async def cond_notify():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        await cond.acquire()
        if await cond.wait():
            result.append(n)
            cond.release()
        return True

    ts = [asyncio.create_task(c(n)) for n in (1, 2, 3)]
    await asyncio.sleep(0)
    out("notify", result)
    await cond.acquire()
    cond.notify(1)
    cond.release()
    await asyncio.sleep(0)
    out("notify", result)
    await cond.acquire()
    cond.notify(1)
    cond.notify(2048)
    cond.release()
    await asyncio.sleep(0)
    out("notify", result, [t.result() for t in ts])
    ts = [asyncio.create_task(c(n)) for n in (4, 5)]
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify_all()
    cond.release()
    await asyncio.sleep(0)
    out("notify_all", result, [t.result() for t in ts])


async def cond_explicit_lock():
    async def f(lock=None, cond=None):
        if lock is None:
            lock = asyncio.Lock()
        if cond is None:
            cond = asyncio.Condition(lock)
        r = [lock.locked(), cond.locked()]
        async with cond:
            r += [lock.locked(), cond.locked()]
        r += [lock.locked(), cond.locked()]
        async with lock:
            r += [lock.locked(), cond.locked()]
        r += [lock.locked(), cond.locked()]
        out("explicit_lock", r)

    await f()
    await f(asyncio.Lock())
    lock = asyncio.Lock()
    await f(lock, asyncio.Condition(lock))


async def cond_timeout_in_block():
    condition = asyncio.Condition()
    async with condition:
        try:
            await asyncio.wait_for(condition.wait(), timeout=0.05)
        except asyncio.TimeoutError as e:
            out("timeout_in_block", d(e), condition.locked(), br(condition))
    out("timeout_in_block", condition.locked())


async def reprs():
    lock = asyncio.Lock()
    out("repr", br(lock))
    await lock.acquire()
    out("repr", br(lock))
    ev = asyncio.Event()
    out("repr", br(ev))
    ev.set()
    out("repr", br(ev))
    cond = asyncio.Condition()
    out("repr", br(cond))
    await cond.acquire()
    out("repr", br(cond))


async def main():
    for t in (lock_acquire, lock_acquire_cancel, lock_cancel_race, lock_cancel_release_race,
              lock_finished_waiter_cancelled, lock_release, event_wait, event_wait_cancel,
              event_clear_with_waiters, cond_wait, cond_wait_cancel, cond_wait_cancel_contested,
              cond_wait_cancel_after_notify, cond_unacquired, cond_wait_for, cond_notify,
              cond_explicit_lock, cond_timeout_in_block, reprs):
        await t()


go(main())
