from prelude import *


async def main():
    r = asyncio.StreamReader()
    try:
        await asyncio.wait_for(r.readline(), 0.02)
    except asyncio.TimeoutError as e:
        out("readline timed out", d(e))
    r.feed_data(b"abc")
    try:
        await asyncio.wait_for(r.readline(), 0.02)
    except asyncio.TimeoutError:
        out("partial line timed out, kept")
    r.feed_data(b"\nde")
    out("line", await r.readline())
    try:
        await asyncio.wait_for(r.readexactly(5), 0.02)
    except asyncio.TimeoutError:
        out("readexactly timed out")
    r.feed_data(b"fgh")
    out("exactly", await r.readexactly(5))
    r.feed_data(b"123")
    try:
        await asyncio.wait_for(r.read(), 0.02)
    except asyncio.TimeoutError:
        out("read to eof timed out: what it took is lost")
    r.feed_data(b"xy")
    r.feed_eof()
    out("read", await r.read())
    # a read cancelled by its task, then another read in the same task
    r = asyncio.StreamReader()
    t = asyncio.create_task(r.readuntil(b"!"))
    await asyncio.sleep(0)
    r.feed_data(b"no bang")
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        out("readuntil cancelled", t.cancelled())
    r.feed_data(b"!")
    out("readuntil", await r.readuntil(b"!"))
    async with asyncio.timeout(0.02) as cm:
        try:
            await r.read(1)
        except asyncio.CancelledError:
            out("read cancelled by timeout", cm.expired())
            raise
    out("unreached")


go(main())
