"""Fuzz's second half: random programs from a seed (the same LCG on both sides), sleep(0) steps only,
exercising what Fuzz does not: timeout scopes rescheduled into the past or to none, timeout_at,
TaskGroups whose children or body fail (in a task of their own, never cancelled from outside),
a BoundedSemaphore released too often, a Semaphore acquired under timeout(0), a Barrier of two,
Event.wait under timeout(0), a Condition with a single waiter, wait(FIRST_EXCEPTION, timeout=0),
as_completed(timeout=0), shields cancelled with a message. Every event is printed."""
import os

from prelude import *

SEEDS = range(1, 1 + int(os.environ.get("FUZZ2_SEEDS", "300")))  # raise it to search further
NAMES = ["yield", "cancel", "timeout0", "resched", "tlong", "tat", "shield", "tgfail", "bsem", "brelease",
         "barrier", "evtimeout", "set", "clear", "condwait", "notify", "waitexc0", "ascomp0", "shieldcancel",
         "semtimeout", "notifyall", "nested", "gathercancel", "condtimeout", "shieldcoro", "waitevent0", "tgawait", "locked"]
N = len(NAMES)


class Rng:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return (self.x >> 8) % n


def show(x):
    if isinstance(x, BaseException):
        return d(x)
    if isinstance(x, list):
        return "[" + ", ".join(show(y) for y in x) + "]"
    return str(x)


async def yielding(i, m):
    for _ in range(m):
        await asyncio.sleep(0)
    return "y%d" % i


async def failing(i, m):
    for _ in range(m):
        await asyncio.sleep(0)
    raise ZeroDivisionError("child %d" % i)


async def group_run(i, a, b, body):
    async with asyncio.TaskGroup() as tg:
        x = tg.create_task(yielding(i, a))
        y = tg.create_task(failing(i, b)) if b >= 0 else tg.create_task(yielding(i, 1))
        if body >= 0:
            for _ in range(body):
                await asyncio.sleep(0)
            raise KeyError("body %d" % i)
    return "%s+%s" % (x.result(), y.result())


async def awaiting(t):
    try:
        return await t
    except Exception as e:
        return d(e)


async def await_group(s, i, op):
    try:
        async with asyncio.TaskGroup() as tg:
            x = tg.create_task(awaiting(s.tasks[op[1]]))
            tg.create_task(failing(i, op[2]))
        r = x.result()
    except BaseException as e:
        out("agroup", i, "raised", d(e))
        raise
    out("agroup", i, "->", r)
    return r


async def group_task(i, op):
    try:
        r = await group_run(i, op[1], op[2], op[3])
        out("group", i, "->", r)
        return r
    except BaseException as e:
        out("group", i, "raised", d(e))
        raise


async def run_op(s, i, k, op):
    kind = NAMES[op[0]]
    loop = asyncio.get_running_loop()
    if kind == "yield":
        await asyncio.sleep(0)
        return "y"
    if kind == "cancel":
        return s.tasks[op[1]].cancel("by %d" % i)
    if kind == "timeout0":
        async with asyncio.timeout(0):
            return await s.tasks[op[1]]
    if kind == "resched":
        async with asyncio.timeout(None) as cm:
            for _ in range(op[2]):
                await asyncio.sleep(0)
            cm.reschedule(loop.time() - 1)
            return await s.tasks[op[1]]
    if kind == "tlong":
        async with asyncio.timeout(1000) as cm:
            r = await s.tasks[op[1]]
            cm.reschedule(None)
            await asyncio.sleep(0)
            return r
    if kind == "tat":
        async with asyncio.timeout_at(loop.time() - 1):
            return await yielding(i, op[1])
    if kind == "shield":
        return await asyncio.shield(s.tasks[op[1]])
    if kind == "tgfail":
        g = asyncio.create_task(group_task(i, op))
        s.extra.append(g)
        return await asyncio.shield(g)
    if kind == "bsem":
        async with s.bsem:
            await asyncio.sleep(0)
        return "bsem"
    if kind == "brelease":
        s.bsem.release()
        return "released"
    if kind == "barrier":
        return await s.barrier.wait()
    if kind == "evtimeout":
        async with asyncio.timeout(0):
            return await s.event.wait()
    if kind == "set":
        s.event.set()
        return "set"
    if kind == "clear":
        s.event.clear()
        return "cleared"
    if kind == "condwait":
        # one waiter at a time: a cancelled waiter wakes another in 3.13 (gh-112202), not in 3.11
        if s.cond_busy:
            return "busy"
        s.cond_busy = True
        try:
            target = s.counter + 1
            async with s.cond:
                await s.cond.wait_for(lambda: s.counter >= target)
                return s.counter
        finally:
            s.cond_busy = False
    if kind == "notify" or kind == "notifyall":
        async with s.cond:
            s.counter += 1
            if kind == "notify":
                s.cond.notify()
            else:
                s.cond.notify_all()
        return s.counter
    if kind == "waitexc0":
        done, pending = await asyncio.wait([s.tasks[op[1]], s.tasks[op[2]]], return_when=asyncio.FIRST_EXCEPTION,
                                           timeout=0)
        return "%d/%d" % (len(done), len(pending))
    if kind == "ascomp0":
        if asyncio.current_task().cancelling():
            return "skipped"
        got = []
        for f in asyncio.as_completed([s.tasks[op[1]], s.tasks[op[2]]], timeout=0):
            before = asyncio.current_task().cancelling()
            try:
                got.append(await f)
            except asyncio.CancelledError as e:
                if asyncio.current_task().cancelling() > before:
                    raise
                got.append(e)
            except Exception as e:
                got.append(e)
        return sorted(got, key=show)
    if kind == "shieldcancel":
        sh = asyncio.shield(s.tasks[op[1]])
        sh.cancel("sh %d" % i)
        return await sh
    if kind == "semtimeout":
        acquired = False
        try:
            async with asyncio.timeout(0):
                acquired = await s.sem.acquire()
                await asyncio.sleep(0)
            return "acquired"
        finally:
            if acquired:
                s.sem.release()
    if kind == "nested":
        async with asyncio.timeout(None) as outer:
            try:
                async with asyncio.timeout(None if op[2] == 0 else 0) as inner:
                    for _ in range(op[3]):
                        await asyncio.sleep(0)
                    outer.reschedule(loop.time() - 1)
                    r = await s.tasks[op[1]]
            except TimeoutError:
                out(i, k, "inner timed out", outer.expired(), inner.expired())
                raise
            return r
    if kind == "gathercancel":
        g = asyncio.gather(s.tasks[op[1]], yielding(i, 2), return_exceptions=op[2] == 1)
        if op[3]:
            await asyncio.sleep(0)
        g.cancel("g %d" % i)
        return await g
    if kind == "condtimeout":
        if s.cond_busy:
            return "busy"
        s.cond_busy = True
        try:
            target = s.counter + 1
            async with s.cond:
                async with asyncio.timeout(0):
                    await s.cond.wait_for(lambda: s.counter >= target)
                return s.counter
        finally:
            s.cond_busy = False
    if kind == "shieldcoro":
        return await asyncio.shield(yielding(i, op[1]))
    if kind == "waitevent0":
        ev = asyncio.ensure_future(s.event.wait())
        s.extra.append(ev)
        try:
            done, pending = await asyncio.wait([ev, s.tasks[op[1]]], return_when=asyncio.FIRST_COMPLETED, timeout=0)
        finally:
            ev.cancel()
        return "%d/%d" % (len(done), len(pending))
    if kind == "tgawait":
        g = asyncio.create_task(await_group(s, i, op))
        s.extra.append(g)
        return await asyncio.shield(g)
    if kind == "locked":
        return "%s %s %s" % (s.sem.locked(), s.bsem.locked(), s.cond.locked())
    raise AssertionError(kind)


async def task_body(s, i, script, swallow, dies):
    out(i, "start")
    for k, op in enumerate(script):
        try:
            r = await run_op(s, i, k, op)
            out(i, k, NAMES[op[0]], "->", show(r))
        except asyncio.CancelledError as e:
            out(i, k, NAMES[op[0]], "cancelled", d(e), asyncio.current_task().cancelling())
            if not swallow:
                raise
        except Exception as e:
            out(i, k, NAMES[op[0]], "raised", d(e))
    out(i, "end")
    if dies:
        raise KeyError("die %d" % i)
    return "r%d" % i


class State:
    pass


async def program(seed):
    rng = Rng(seed)
    s = State()
    s.bsem = asyncio.BoundedSemaphore(1 + rng.next(2))
    s.sem = asyncio.Semaphore(1)
    s.barrier = asyncio.Barrier(2)  # of two: a third would leave two Condition waiters, where 3.13 (asyncj) wakes one more
    s.event = asyncio.Event()
    s.cond = asyncio.Condition()
    s.cond_busy = False
    s.counter = 0
    s.extra = []
    n = 3 + rng.next(3)
    s.tasks = []
    for i in range(n):
        script = []
        for _ in range(1 + rng.next(5)):
            c = rng.next(N)
            if i == 0 and c in (2, 3, 4, 6, 16, 17, 18, 21, 22, 25, 26):
                c = 0
            if c in (1,):
                op = (c, rng.next(n))
            elif c in (2, 4, 6, 18):
                op = (c, rng.next(i))
            elif c == 3:
                op = (c, rng.next(i), rng.next(3))
            elif c == 5:
                op = (c, rng.next(3))
            elif c == 7:
                op = (c, rng.next(4), rng.next(5) - 1, rng.next(5) - 2)
            elif c in (21, 22):
                op = (c, rng.next(i), rng.next(2), rng.next(3))
            elif c in (24,):
                op = (c, rng.next(3))
            elif c == 26:
                op = (c, rng.next(i), rng.next(4))
            elif c in (25,):
                op = (c, rng.next(i))
            elif c in (16, 17):
                op = (c, rng.next(i), rng.next(i))
            else:
                op = (c,)
            script.append(op)
        swallow = rng.next(3) == 0
        dies = rng.next(4) == 0
        s.tasks.append(asyncio.create_task(task_body(s, i, script, swallow, dies)))
    for _ in range(rng.next(8)):
        await asyncio.sleep(0)
    while True:
        pending = [t for t in s.tasks if not t.done()]
        if not pending:
            break
        out("cancelling", len(pending))
        for t in pending:
            t.cancel("end")
        for _ in range(3):
            await asyncio.sleep(0)
    res = await asyncio.gather(*s.tasks, return_exceptions=True)
    out("seed", seed, "results", show(res))
    res = await asyncio.gather(*s.extra, return_exceptions=True)
    out("seed", seed, "groups", show(res))


async def main():
    for seed in SEEDS:
        out("== seed", seed)
        await program(seed)


go(main())
