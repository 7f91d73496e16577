from prelude import *


async def value(x):
    await asyncio.sleep(0)
    return x


async def nested():
    c = value(1)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        out("nested run", d(e))
    c.close()
    c = value(2)
    out("first await", await c)
    try:
        await c
    except RuntimeError as e:
        out("second await", d(e))


def main():
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        out("no loop", d(e))
    loop = asyncio.new_event_loop()
    out("running", loop.is_running(), loop.is_closed())
    loop.call_soon(out, "soon before run")
    loop.call_later(0.05, out, "later before run")
    out("result", loop.run_until_complete(value("v")))
    out("result", loop.run_until_complete(asyncio.sleep(0.1, "slept")))
    loop.call_soon(loop.stop)
    loop.call_soon(out, "after stop is scheduled")
    loop.run_forever()
    out("stopped", loop.is_running())
    loop.run_until_complete(nested())
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, KeyError("boom"))
    try:
        loop.run_until_complete(fut)
    except KeyError as e:
        out("future failed", d(e))
    loop.close()
    out("closed", loop.is_closed())
    try:
        loop.call_soon(out, "x")
    except RuntimeError as e:
        out("closed loop", d(e))


main()
