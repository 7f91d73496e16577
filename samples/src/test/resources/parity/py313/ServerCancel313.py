"""A server's handler task cancelled, as 3.13 handles it (asyncj's): the connection is closed and
nothing reaches the exception handler (3.11's done callback raised the CancelledError into it,
"Exception in callback ...", and left the connection open)."""
from prelude import *


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, c: out("handler:", c["message"], d(c.get("exception"))))
    started = loop.create_future()
    tasks = []

    async def h(r, w):
        tasks.append(asyncio.current_task())
        started.set_result(None)
        try:
            await r.read()
        finally:
            out("handler finally", w.is_closing())

    srv = await asyncio.start_server(h, "127.0.0.1", 0)
    r, w = await asyncio.open_connection("127.0.0.1", srv.sockets[0].getsockname()[1])
    await started
    tasks[0].cancel()
    out("client reads", await r.read(), r.at_eof())
    w.close()
    await w.wait_closed()
    srv.close()
    await srv.wait_closed()
    out("end")


go(main())
