"""Server.wait_closed as 3.12 made it (asyncj's): it waits for the connections the server accepted, also once the server is closed."""
from prelude import *

release = None


async def handler(reader, writer):
    out("handler starts")
    await release.wait()
    writer.close()
    await writer.wait_closed()
    out("handler done")


async def main():
    global release
    release = asyncio.Event()
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(0.01)
    server.close()
    out("closed", server.is_serving())
    w = asyncio.create_task(server.wait_closed())
    await asyncio.sleep(0.02)
    out("wait_closed done while a connection is open", w.done())
    release.set()
    await w
    out("wait_closed returned")
    await server.wait_closed()
    out("again at once")
    writer.close()
    await writer.wait_closed()


go(main())
