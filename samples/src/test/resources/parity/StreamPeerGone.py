from prelude import *

# Writing to a peer that closed: the first write and drain succeed (the peer's kernel answers with
# a reset); the next write fails, which closes the transport: drain reports 'Connection lost'
# (connection_lost runs during its yield, after its check of the reader), while read and
# wait_closed throw the write's error.
# asyncj: the write's error is an IOException("Broken pipe") where asyncio raises BrokenPipeError,
# and 'Connection lost' an IOException where asyncio raises ConnectionResetError.


async def main():
    async def h(r, w):
        w.close()

    srv = await asyncio.start_server(h, "127.0.0.1", 0)
    r, w = await asyncio.open_connection("127.0.0.1", srv.sockets[0].getsockname()[1])
    out("read", await r.read())
    w.write(b"x")
    await w.drain()
    out("drain ok", w.is_closing())
    await asyncio.sleep(0.1)
    w.write(b"y")
    out("closing after write", w.is_closing(), r.exception())
    try:
        await w.drain()
        out("drain ok")
    except OSError as e:
        out("drain", type(e).__name__, str(e))
    out("reader exception", type(r.exception()).__name__)
    try:
        out(await r.read())
    except OSError as e:
        out("read", type(e).__name__)
    try:
        await w.wait_closed()
        out("wait_closed ok")
    except OSError as e:
        out("wait_closed", type(e).__name__)
    w.write(b"z")  # dropped
    srv.close()
    await srv.wait_closed()
    out("end")


go(main())
