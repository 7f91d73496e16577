from prelude import *

t = None


async def bg():
    out("bg starts", asyncio.current_task().get_name())
    await asyncio.sleep(0.02)
    out("bg done")


async def first():
    global t
    out("first in", asyncio.current_task().get_name())
    t = asyncio.create_task(bg())
    await asyncio.sleep(0)
    return 1


async def second():
    out("second in", asyncio.current_task().get_name(), t.done())
    await asyncio.sleep(0.05)
    return t.done()


async def forever(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        out(name, "cancelled at close")
        raise


async def third():
    asyncio.create_task(forever("left"))
    await asyncio.sleep(0)
    return len(asyncio.all_tasks())


async def failing():
    await asyncio.sleep(0)
    raise KeyError("in run")


async def nested():
    c = asyncio.sleep(0)
    try:
        asyncio.Runner().run(c)
    except RuntimeError as e:
        out("nested", d(e))
    try:
        asyncio.run(c)
    except RuntimeError as e:
        out("nested run", d(e))
    c.close()


with asyncio.Runner() as runner:
    out(runner.run(first()))
    out(runner.run(second()))
    loop = runner.get_loop()
    out(loop.is_closed(), loop is runner.get_loop(), loop.is_running())
    out(runner.run(third()))
    try:
        runner.run(failing())
    except KeyError as e:
        out("failed", d(e))
    out("still usable", runner.run(asyncio.sleep(0, "yes")))
out("closed", loop.is_closed())
try:
    runner.run(asyncio.sleep(0))
except RuntimeError as e:
    out("run after close", d(e))
try:
    runner.get_loop()
except RuntimeError as e:
    out("get_loop after close", d(e))
runner.close()
out("close twice ok")
r = asyncio.Runner()
r.close()
out("close unused ok")
go(nested())
with asyncio.Runner() as runner:
    out("debug", runner.get_loop().get_debug())
with asyncio.Runner(debug=True) as runner:
    out("debug", runner.get_loop().get_debug())
