from prelude import *

# Who wakes first when a writer closes: a task reading, two tasks in wait_closed, a task in drain
# (before and after the close); then the same with abort(). Only the local side is watched, so
# the order is the loop's, not the network's.


async def main():
    async def h(r, w):
        await r.read()
        w.close()

    srv = await asyncio.start_server(h, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]

    async def watch(name, aw):
        try:
            res = await aw
            out(name, "done", res)
        except Exception as e:
            out(name, "raised", type(e).__name__)

    for how in ("close", "abort"):
        r, w = await asyncio.open_connection("127.0.0.1", port)
        tasks = [
            asyncio.create_task(watch("wait_closed 1", w.wait_closed())),
            asyncio.create_task(watch("read", r.read())),
            asyncio.create_task(watch("wait_closed 2", w.wait_closed())),
            asyncio.create_task(watch("drain", w.drain())),
        ]
        await asyncio.sleep(0)
        out(how)
        if how == "close":
            w.close()
        else:
            w.transport.abort()
        tasks.append(asyncio.create_task(watch("drain after", w.drain())))
        tasks.append(asyncio.create_task(watch("wait_closed after", w.wait_closed())))
        await asyncio.gather(*tasks)
        out("at_eof", r.at_eof())
    srv.close()
    await srv.wait_closed()


go(main())
