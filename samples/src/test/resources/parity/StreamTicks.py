from prelude import *
import os
import tempfile

# How many loop iterations the stream calls take (other tasks get that many turns), and the task
# names they use up: CPython's server resolves its host in a gathered task and accepts each
# connection in a task of its own.
ticks = 0


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


def next_name():
    return asyncio.create_task(asyncio.sleep(0)).get_name()


async def main():
    global handled
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    handled = asyncio.get_running_loop().create_future()

    async def h(r, w):
        handled.set_result(ticks)
        out("handler task", asyncio.current_task().get_name())
        w.close()
    b = ticks
    s = await asyncio.start_server(h, "127.0.0.1", 0)
    out("start_server ticks", ticks - b, next_name())
    b = ticks
    r, w = await asyncio.open_connection("127.0.0.1", s.sockets[0].getsockname()[1])
    out("open_connection ticks", ticks - b, next_name())
    out("handler started after", await handled - b)
    b = ticks
    w.write(b"x")
    await w.drain()
    out("drain ticks", ticks - b)
    w.close()
    b = ticks
    await w.wait_closed()
    out("wait_closed ticks", ticks - b)
    s.close()
    b = ticks
    await s.wait_closed()
    out("server wait_closed ticks", ticks - b, next_name())
    # the same over a Unix-domain socket: no name to resolve, a connect that succeeds at once
    handled = asyncio.get_running_loop().create_future()
    path = os.path.join(tempfile.mkdtemp(), "s.sock")
    b = ticks
    s = await asyncio.start_unix_server(h, path)
    out("start_unix_server ticks", ticks - b, next_name())
    b = ticks
    r, w = await asyncio.open_unix_connection(path)
    out("open_unix_connection ticks", ticks - b, next_name())
    out("handler started after", await handled - b)
    w.close()
    await w.wait_closed()
    s.close()
    await s.wait_closed()
    os.remove(path)
    os.rmdir(os.path.dirname(path))
    t.cancel()


go(main())
