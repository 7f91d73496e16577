from prelude import *

# Stream coroutines look at the stream when they run, not when they are created: a drain made
# before close and awaited after it (directly, and as a task), reads made before the data or the
# error arrive, wait_closed made before close.


async def main():
    async def h(r, w):
        await r.read()
        w.close()

    srv = await asyncio.start_server(h, "127.0.0.1", 0)
    r, w = await asyncio.open_connection("127.0.0.1", srv.sockets[0].getsockname()[1])
    ready = w.drain()
    await ready
    out("drain while open ok")
    c = w.drain()
    t = asyncio.create_task(w.drain())
    closed = w.wait_closed()
    w.close()
    for name, aw in (("drain made before close", c), ("drain task made before close", t)):
        try:
            await aw
            out(name, "ok")
        except ConnectionError as e:  # asyncj: IOException("Connection lost")
            out(name, type(e).__name__, str(e))
    await closed
    out("wait_closed made before close")
    srv.close()
    await srv.wait_closed()

    reader = asyncio.StreamReader()
    line = reader.readline()
    exactly = reader.readexactly(2)
    rest = reader.read()
    reader.feed_data(b"ab\ncd")
    out("readline", await line)
    out("readexactly", await exactly)
    reader.feed_eof()
    out("read", await rest)
    reader = asyncio.StreamReader()
    reader.feed_data(b"x\n")
    line = reader.readline()
    reader.set_exception(ConnectionError("late"))
    try:
        await line
    except ConnectionError as e:
        out("readline made before the error", d(e))


go(main())
