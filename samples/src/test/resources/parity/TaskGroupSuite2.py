from prelude import *

# Cases ported from CPython 3.11's test_taskgroups.py that TaskGroupSuite leaves out: 01 to 10,
# 22 to 25, task names, no create_task after a failure, a body whose cleanup raises after the
# group cancelled it (gh-95289), entering twice, a finished group. Sleeps are shorter; the errors
# an ExceptionGroup holds are printed as reprs in order.


def eg(e):
    return [d(x) for x in e.exceptions]


state = {}


async def foo1(t=0.01, r=42):
    await asyncio.sleep(t)
    return r


async def t01():
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo1(0.01, 42))
        t2 = g.create_task(foo1(0.02, 11))
    out("01", t1.result(), t2.result())


async def t02():
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo1(0.01, 42))
        await asyncio.sleep(0.015)
        t2 = g.create_task(foo1(0.02, 11))
    out("02", t1.result(), t2.result())


async def t03():
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo1(1, 42))
        await asyncio.sleep(0.015)
        t1.cancel()
        t2 = g.create_task(foo1(0.02, 11))
    out("03", t1.cancelled(), t2.result())


async def div_after(t):
    await asyncio.sleep(t)
    1 / 0


async def t2_foo(t):
    try:
        await asyncio.sleep(t)
    except asyncio.CancelledError:
        state["t2_cancel"] = True
        raise
    state["num"] += 1


async def t04():
    state.update(num=0, t2_cancel=False)
    box = []

    async def runner():
        async with asyncio.TaskGroup() as g:
            g.create_task(div_after(0.01))
            box.append(g.create_task(t2_foo(1)))
        state["num"] += 10
    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as e:
        out("04", d(e), eg(e))
    out("04", state["num"], state["t2_cancel"], box[0].cancelled())


async def children_on_child_error():
    state.update(num=0, t2_cancel=False, runner_cancel=False)

    async def runner():
        async with asyncio.TaskGroup() as g:
            g.create_task(div_after(0.01))
            g.create_task(div_after(0.01))
            g.create_task(div_after(0.01))
            g.create_task(t2_foo(5))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                state["runner_cancel"] = True
                raise
        state["num"] += 10
    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as e:
        out("cancel_children_on_child_error", d(e), eg(e))
    out("cancel_children_on_child_error", state["num"], state["t2_cancel"], state["runner_cancel"])


async def counting():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        state["num"] += 1
        raise


async def cancellation():
    state["num"] = 0

    async def runner():
        async with asyncio.TaskGroup() as g:
            for _ in range(5):
                g.create_task(counting())
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    out("cancellation", r.done())
    r.cancel()
    try:
        await r
    except asyncio.CancelledError as e:
        out("cancellation", d(e), state["num"], r.cancelled())


async def t07():
    state["num"] = 0

    async def runner():
        async with asyncio.TaskGroup() as g:
            for _ in range(5):
                g.create_task(counting())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                state["num"] += 10
                raise
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    out("07", r.done())
    r.cancel()
    try:
        await r
    except asyncio.CancelledError as e:
        out("07", d(e), state["num"])


async def t08():
    async def foo():
        try:
            await asyncio.sleep(10)
        finally:
            1 / 0

    async def runner():
        async with asyncio.TaskGroup() as g:
            for _ in range(5):
                g.create_task(foo())
            await asyncio.sleep(10)
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    out("08", r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        out("08", d(e), eg(e), r.cancelled(), asyncio.current_task().cancelling())


async def t09_10(name, pause):
    box = []

    async def runner():
        async with asyncio.TaskGroup() as g:
            box.append(g.create_task(foo1(1, 42)))
            box.append(g.create_task(foo1(2, 11)))
            if pause:
                await asyncio.sleep(0.01)
            1 / 0
    try:
        await runner()
    except ExceptionGroup as e:
        out(name, d(e), eg(e))
    out(name, box[0].cancelled(), box[1].cancelled(), asyncio.current_task().cancelling())


async def t22():
    async def runner():
        async with asyncio.TaskGroup() as g:
            g.create_task(foo1(1, 42))
            g.create_task(foo1(2, 11))
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.005)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError as e:
        out("22", d(e))


async def t23():
    async with asyncio.TaskGroup() as g:
        for count in range(10):
            await asyncio.sleep(0.01)
            g.create_task(asyncio.sleep(0.03))
        await asyncio.sleep(0.1)
        out("23", len([t for t in asyncio.all_tasks() if not t.done()]))


async def t24():
    log = []

    async def coro1(delay):
        await asyncio.sleep(delay)
        log.append(delay)

    async def root(g):
        await asyncio.sleep(0.01)
        g.create_task(coro1(0.01))
        g.create_task(coro1(0.02))
    async with asyncio.TaskGroup() as g:
        g.create_task(root(g))
    out("24", log)


async def t25():
    state["nhydras"] = 0

    async def hydra(g):
        state["nhydras"] += 1
        await asyncio.sleep(0.01)
        g.create_task(hydra(g))
        g.create_task(hydra(g))

    async def hercules():
        while state["nhydras"] < 10:
            await asyncio.sleep(0.015)
        1 / 0
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(hydra(g))
            g.create_task(hercules())
    except ExceptionGroup as e:
        out("25", d(e), eg(e), state["nhydras"] >= 10)


async def names():
    async def coro():
        await asyncio.sleep(0)
    async with asyncio.TaskGroup() as g:
        t = g.create_task(coro(), name="yolo")
        out("task_name", t.get_name())


async def no_create_after_failure():
    async def coro1():
        await asyncio.sleep(0.001)
        1 / 0

    async def coro2(g):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            c1 = coro1()
            try:
                g.create_task(c1)
            except RuntimeError as e:
                out("no_create_task_after_failure", str(e).split('>')[-1])
            try:
                await c1
            except ZeroDivisionError as e:
                out("no_create_task_after_failure", d(e))
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(coro1())
            g.create_task(coro2(g))
    except ExceptionGroup as e:
        out("no_create_task_after_failure", d(e), eg(e))


async def exit_raises():
    async def raise_exc():
        raise KeyError("child")

    async def main_():
        task = asyncio.current_task()
        try:
            async with asyncio.TaskGroup() as tg:
                try:
                    tg.create_task(raise_exc())
                    await asyncio.sleep(1)
                finally:
                    raise KeyError("body")
        except ExceptionGroup as err:
            out("context_manager_exit_raises", task.cancelling(), d(err), eg(err))
    await asyncio.create_task(main_())


async def entered():
    tg = asyncio.TaskGroup()
    async with tg:
        pass
    coro = asyncio.sleep(0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        out("finished", str(e).split('>')[-1])
    await coro


async def main():
    for t in (t01, t02, t03, t04, children_on_child_error, cancellation, t07, t08):
        await t()
    await t09_10("09", True)
    await t09_10("10", False)
    for t in (t22, t23, t24, t25, names, no_create_after_failure, exit_raises, entered):
        await t()


go(main())
