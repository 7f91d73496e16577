from prelude import *
import re

# Odds from test_tasks.py and test_queues.py that the suites leave out: set_result/set_exception
# on a task, cancel/uncancel of a done task, a negative sleep, a negative maxsize, an empty
# gather, wait_for without a timeout, task names. The task's repr is compared without its coro=
# part (CPython prints the coroutine's source position, and keeps printing it once the task is
# done, where asyncj drops the coroutine), and the result part on its own.


def rs(t):
    return re.split(r' (?:coro|result|exception)=', repr(t))[0].rstrip('>')


async def c():
    return 1


async def main():
    t = asyncio.create_task(c())
    try:
        t.set_result(1)
    except RuntimeError as e:
        out("task set_result", d(e))
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        out("task set_exception", d(e))
    out("task", await t, rs(t))
    out("done task", t.cancel(), t.uncancel(), t.cancelling(), t.cancelled())
    await asyncio.sleep(-1)
    out("negative sleep", await asyncio.sleep(-1, 'r'))
    q = asyncio.Queue(-1)
    q.put_nowait(1)
    q.put_nowait(2)
    out("negative maxsize", q.full(), q.maxsize, q.qsize())
    out("wait_for None", await asyncio.wait_for(asyncio.sleep(0.01, 'x'), None))
    g = asyncio.gather()
    out("empty gather", g.done(), g.result(), repr(g))
    t = asyncio.create_task(c(), name="n1")
    out("name", t.get_name())
    t.set_name("n2")
    out("name", t.get_name(), rs(t))
    await t
    out("name", rs(t))
    t = asyncio.create_task(asyncio.sleep(0, "abc"))
    await t
    r = repr(t)
    out("result repr", rs(t), r[r.rindex(' result='):])


go(main())
