"""Random programs from a seed (an LCG both sides share), built of sleep(0) steps only (nothing timed):
tasks that yield, cancel each other, await each other alone or through gather/shield/wait_for, share a
lock, an event and a queue, and swallow or pass on their cancellations. Every event is printed."""
from prelude import *

SEEDS = range(1, 1001)


class Rng:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return (self.x >> 8) % n


def state(t):
    if t.cancelled():
        return "cancelled"
    if t.exception() is not None:
        return d(t.exception())
    return t.result()


async def awaiting(t):
    # A TaskGroup child that fails while its parent is cancelled from outside is where asyncj
    # follows 3.13 (the parent is cancelled again), so the children here do not fail.
    try:
        return await t
    except Exception as e:
        return d(e)


async def yielding(i):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return "y%d" % i


async def run_op(s, i, k, op):
    kind = op[0]
    if kind == "yield":
        await asyncio.sleep(0)
        return "y"
    if kind == "cancel":
        return s.tasks[op[1]].cancel("by %d" % i)
    if kind == "await":
        return await s.tasks[op[1]]
    if kind == "gather":
        return await asyncio.gather(s.tasks[op[1]], s.tasks[op[2]], return_exceptions=op[3])
    if kind == "shield":
        return await asyncio.shield(s.tasks[op[1]])
    if kind == "waitfor":
        return await asyncio.wait_for(s.tasks[op[1]], None)
    if kind == "lock":
        async with s.lock:
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        return "locked"
    if kind == "set":
        s.event.set()
        return "set"
    if kind == "wait":
        return await s.event.wait()
    if kind == "put":
        await s.queue.put(i * 100 + k)
        return "put"
    if kind == "get":
        return await s.queue.get()
    if kind == "sem":
        async with s.sem:
            await asyncio.sleep(0)
        return "sem"
    if kind == "barrier":
        return await s.barrier.wait()
    if kind == "first":
        done, pending = await asyncio.wait([s.tasks[op[1]], s.tasks[op[2]]], return_when=asyncio.FIRST_COMPLETED)
        return "%d/%d" % (len(done), len(pending))
    if kind == "group":
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(awaiting(s.tasks[op[1]]))
            b = tg.create_task(yielding(i))
        return "%s+%s" % (a.result(), b.result())
    if kind == "join":
        await s.queue.join()
        return "joined"
    if kind == "task_done":
        s.queue.task_done()
        return "done"
    if kind == "put_nowait":
        s.queue.put_nowait(i * 100 + k)
        return s.queue.qsize()
    if kind == "get_nowait":
        return s.queue.get_nowait()
    if kind == "abort":
        await s.barrier.abort()
        return "aborted"
    if kind == "reset":
        await s.barrier.reset()
        return "reset"
    if kind == "clear":
        s.event.clear()
        return "cleared"
    if kind == "soon":
        asyncio.get_running_loop().call_soon(out, "soon", i, k)
        return "scheduled"
    if kind == "fut":
        f = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(f.set_result, k)
        return await f
    if kind == "cb":
        j = op[1]
        s.tasks[j].add_done_callback(lambda t: out("cb", i, k, "sees", j, state(t)))
        return "added"
    if kind == "ascomp":
        if asyncio.current_task().cancelling():
            # a cancellation that arrives at the first await would leave the second step the
            # first of the done ones, which CPython takes from a set: unspecified
            return "skipped"
        got = []
        for f in asyncio.as_completed([s.tasks[op[1]], s.tasks[op[2]]]):
            before = asyncio.current_task().cancelling()
            try:
                got.append(await f)
            except asyncio.CancelledError as e:
                if asyncio.current_task().cancelling() > before:
                    raise  # our own
                got.append(e)  # a task's, from its result()
            except Exception as e:
                got.append(e)
        # as_completed takes the done ones from a set: which comes first is unspecified
        return sorted(got, key=show)
    if kind == "waitexc":
        done, pending = await asyncio.wait([s.tasks[op[1]], s.tasks[op[2]]], return_when=asyncio.FIRST_EXCEPTION)
        return "%d/%d" % (len(done), len(pending))
    if kind == "tgtimeout":
        async with asyncio.timeout(0):
            async with asyncio.TaskGroup() as tg:
                a = tg.create_task(awaiting(s.tasks[op[1]]))
                b = tg.create_task(yielding(i))
        return "%s+%s" % (a.result(), b.result())
    if kind == "shieldgather":
        return await asyncio.shield(asyncio.gather(s.tasks[op[1]], s.tasks[op[2]], return_exceptions=True))
    if kind == "timeout0":
        async with asyncio.timeout(0):
            return await s.tasks[op[1]]
    raise AssertionError(kind)


def show(x):
    if isinstance(x, BaseException):
        return d(x)
    if isinstance(x, list):
        return "[" + ", ".join(show(y) for y in x) + "]"
    return str(x)


async def task_body(s, i, script, swallow, dies):
    out(i, "start")
    for k, op in enumerate(script):
        try:
            r = await run_op(s, i, k, op)
            out(i, k, op[0], "->", show(r))
        except asyncio.CancelledError as e:
            out(i, k, op[0], "cancelled", d(e), asyncio.current_task().cancelling())
            if not swallow:
                raise
            # (no uncancel: 3.11 keeps a pending cancel through it, asyncj follows 3.13)
        except Exception as e:
            out(i, k, op[0], "raised", d(e))
    out(i, "end")
    if dies:
        raise KeyError("die %d" % i)
    return "r%d" % i


class State:
    pass


async def program(seed):
    rng = Rng(seed)
    s = State()
    s.lock = asyncio.Lock()
    s.event = asyncio.Event()
    s.queue = [asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue][rng.next(3)](1 + rng.next(2))
    s.sem = asyncio.Semaphore(2)
    s.barrier = asyncio.Barrier(2)
    n = 3 + rng.next(3)
    s.tasks = []
    for i in range(n):
        script = []
        for _ in range(1 + rng.next(5)):
            c = rng.next(30)
            if i == 0 and c in (2, 3, 4, 5, 13, 14, 15, 26, 27, 28, 29):
                c = 0
            if c == 0:
                op = ("yield",)
            elif c == 1:
                op = ("cancel", rng.next(n))
            elif c == 2:
                op = ("await", rng.next(i))
            elif c == 3:
                op = ("gather", rng.next(i), rng.next(i), rng.next(2) == 1)
            elif c == 4:
                op = ("shield", rng.next(i))
            elif c == 5:
                op = ("waitfor", rng.next(i))
            elif c == 6:
                op = ("lock",)
            elif c == 7:
                op = ("set",)
            elif c == 8:
                op = ("wait",)
            elif c == 9:
                op = ("put",)
            elif c == 10:
                op = ("get",)
            elif c == 11:
                op = ("sem",)
            elif c == 12:
                op = ("barrier",)
            elif c == 13:
                op = ("first", rng.next(i), rng.next(i))
            elif c == 14:
                op = ("timeout0", rng.next(i))
            elif c == 15:
                op = ("group", rng.next(i))
            elif c < 23:
                op = (["join", "task_done", "put_nowait", "get_nowait", "abort", "reset", "clear"][c - 16],)
            elif c == 23:
                op = ("soon",)
            elif c == 24:
                op = ("fut",)
            elif c == 25:
                op = ("cb", rng.next(n))
            elif c < 28:
                op = ("ascomp" if c == 26 else "waitexc", rng.next(i), rng.next(i))
            elif c == 28:
                op = ("tgtimeout", rng.next(i))
            else:
                op = ("shieldgather", rng.next(i), rng.next(i))
            script.append(op)
        swallow = rng.next(3) == 0
        dies = rng.next(4) == 0
        s.tasks.append(None)
        s.tasks[i] = asyncio.create_task(task_body(s, i, script, swallow, dies))
    for _ in range(rng.next(8)):
        await asyncio.sleep(0)
    while True:  # tasks that swallow cancellations go on: cancel again until all are done
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


async def main():
    for seed in SEEDS:
        out("== seed", seed)
        await program(seed)


go(main())
