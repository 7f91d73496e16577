from prelude import *


async def value(x):
    await asyncio.sleep(0)
    return x


async def fails():
    await asyncio.sleep(0)
    raise KeyError("bad")


async def inside(loop):
    try:
        loop.run_until_complete(value(1))
    except RuntimeError as e:
        out("run_until_complete inside", d(e))
    try:
        loop.run_forever()
    except RuntimeError as e:
        out("run_forever inside", d(e))
    try:
        loop.close()
    except RuntimeError as e:
        out("close running", d(e))
    other = asyncio.new_event_loop()
    try:
        other.run_until_complete(value(2))
    except RuntimeError as e:
        out("another loop inside", d(e))
    other.close()
    out("running inside", loop.is_running(), asyncio.get_running_loop() is loop)
    return "inside done"


def main():
    loop = asyncio.new_event_loop()
    out("new", loop.is_running(), loop.is_closed())
    out(loop.run_until_complete(inside(loop)))
    # run_until_complete on a task and on a future
    task = loop.create_task(value("task"))
    out("task before", task.done())
    out("task", loop.run_until_complete(task), task.done())
    out("done task again", loop.run_until_complete(task))
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future")
    out("future", loop.run_until_complete(fut))
    try:
        loop.run_until_complete(fails())
    except KeyError as e:
        out("failed", d(e))
    # stop: the callbacks already scheduled run, those they schedule wait
    def first():
        out("first")
        loop.call_soon(lambda: out("scheduled by first"))
        loop.stop()
        loop.call_soon(lambda: out("scheduled after stop"))
    loop.call_soon(first)
    loop.call_soon(lambda: out("second, same iteration"))
    loop.run_forever()
    out("stopped")
    # stop before run_forever: one iteration, then stop
    loop.stop()
    loop.call_soon(lambda: out("runs in that iteration"))
    loop.run_forever()
    out("stopped again")
    loop.call_soon(loop.stop)
    loop.run_forever()
    out("the two leftovers ran")
    # stop while run_until_complete waits
    t = loop.create_task(value("never"))
    loop.call_soon(loop.stop)
    try:
        loop.run_until_complete(asyncio.sleep(10))
    except RuntimeError as e:
        out("stopped early", d(e))
    # deadlines, in any order of scheduling (equal deadlines: CPython's heapq does not keep them
    # in FIFO order, asyncj does; not compared)
    when = loop.time() + 0.01
    for i in (3, 1, 4, 0, 2):
        loop.call_at(when + i * 0.001, out, "at", i)
    h = loop.call_at(when + 0.0025, out, "cancelled")
    out("when", h.when() == when + 0.0025)
    h.cancel()
    loop.call_at(when + 0.005, loop.stop)
    loop.run_forever()
    # callbacks before timers, timers due in order
    loop.call_later(0, out, "later 0")
    loop.call_soon(out, "soon")
    loop.call_later(-1, out, "later -1")
    loop.call_soon(loop.stop)
    loop.run_forever()
    loop.run_until_complete(asyncio.sleep(0.01))
    t0 = loop.time()
    t1 = loop.time()
    out("monotonic", t1 >= t0)
    loop.close()
    loop.close()
    out("closed", loop.is_closed(), loop.is_running())
    for name, f in [("run_until_complete", lambda: loop.run_until_complete(fut)),
                    ("run_forever", loop.run_forever),
                    ("call_later", lambda: loop.call_later(1, out)),
                    ("create_task", lambda: loop.create_task(value(3))),
                    ("run_in_executor", lambda: loop.run_in_executor(None, print))]:
        try:
            f()
        except RuntimeError as e:
            out(name, d(e))
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        out("no loop", d(e))


main()
