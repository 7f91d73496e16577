from prelude import *

gate = None
queue = None
done = None


async def bottom(wait):
    out("    bottom", wait)
    if wait == "sleep":
        return await asyncio.sleep(10, 1)
    elif wait == "gate":
        return await gate
    elif wait == "queue":
        return await queue.get()
    elif wait == "self-sync":
        out("    cancel requested", asyncio.current_task().cancel("self"), asyncio.current_task().cancelling())
        v = await done + await sync_one() + await queue.get()
        out("    still running", v)
        return v
    elif wait == "self-sleep":
        out("    cancel requested", asyncio.current_task().cancel("self0"), asyncio.current_task().cancelling())
        await sync_one()
        out("    before sleep(0)")
        await asyncio.sleep(0)
        out("    not reached")
        return 0
    elif wait == "self-timer":
        out("    cancel requested", asyncio.current_task().cancel("self-timer"))
        return await asyncio.sleep(0.05, 7)
    else:
        await asyncio.sleep(0)
        return 2


async def sync_one():
    return 1


async def chain(level, wait, modes):
    s = Step(level, modes)
    return await s.run(wait)


class Step:
    def __init__(self, level, modes):
        self.level = level
        self.modes = modes

    async def run(self, wait):
        mode = self.modes[self.level]
        try:
            r = await bottom(wait) if self.level == 0 else await self.below(wait)
            out("  level", self.level, "got", r)
            return r + 10
        except asyncio.CancelledError as e:
            if mode == 's':
                out("  level", self.level, "swallows", d(e), asyncio.current_task().cancelling())
                return -self.level
            if mode == 'r':
                out("  level", self.level, "re-raises", d(e))
            raise
        finally:
            out("  finally", self.level)
            if self.level % 2 == 1:
                await asyncio.sleep(0)
                out("  finally", self.level, "after await")

    async def below(self, wait):
        return await chain(self.level - 1, wait, self.modes)


async def report(name, t):
    await asyncio.gather(t, return_exceptions=True)
    if t.cancelled():
        try:
            t.result()
        except asyncio.CancelledError as e:
            out(name, "cancelled", d(e))
    elif t.exception() is not None:
        out(name, "failed", d(t.exception()))
    else:
        out(name, "result", t.result(), "cancelling", t.cancelling())


async def cancel_after(name, depth, wait, modes, steps, msg):
    out("==", name)
    t = asyncio.create_task(chain(depth, wait, modes))
    for i in range(steps):
        await asyncio.sleep(0)
    out("cancel", name, t.cancel(msg))
    await report(name, t)


async def main():
    global gate, queue, done
    queue = asyncio.Queue()
    done = asyncio.get_running_loop().create_future()
    done.set_result(5)
    await cancel_after("plain", 5, "sleep", "......", 1, "deep")
    await cancel_after("reraise", 5, "sleep", ".r.r..", 1, "again")
    await cancel_after("swallow2", 5, "sleep", "r.s...", 1, "eaten")
    await cancel_after("swallow0", 5, "sleep", "s.....", 1, None)
    await cancel_after("inFinally2", 5, "sleep0", "......", 2, "late")
    await cancel_after("inFinally3", 5, "sleep0", ".r.r.r", 3, "later")
    await cancel_after("notStarted", 5, "sleep", "......", 0, "early")

    gate = asyncio.get_running_loop().create_future()
    await cancel_after("gate", 4, "gate", ".r...", 1, "gate msg")
    out("gate cancelled", gate.cancelled())

    await cancel_after("queue", 4, "queue", "..r..", 1, "q")
    queue.put_nowait(41)
    out("queue after", queue.qsize(), queue.get_nowait(), queue.qsize())

    queue.put_nowait(3)
    out("==", "self-sync")
    await report("self-sync", asyncio.create_task(chain(4, "self-sync", ".....")))
    out("==", "self-sleep")
    await report("self-sleep", asyncio.create_task(chain(4, "self-sleep", ".r.r.")))
    out("==", "self-sleep swallowed")
    await report("self-swallow", asyncio.create_task(chain(4, "self-sleep", "..s..")))
    out("==", "self-timer")
    await report("self-timer", asyncio.create_task(chain(3, "self-timer", "....")))

    out("==", "main chain")
    try:
        out("main got", await chain(6, "sleep0", "......."))
    except asyncio.CancelledError as e:
        out("main unexpected", d(e))
    out("== main cancels itself deep")
    await chain(3, "self-sleep", "....")
    out("not reached")


go(main())
