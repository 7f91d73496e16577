from prelude import *

# Ports are never printed.  Server.wait_closed is only awaited when no connection is open:
# with connections open, 3.11 returns at once from a closed server and asyncj waits (3.12).


async def main():
    loop = asyncio.get_running_loop()

    def handler(loop, context):
        exc = context.get("exception")
        out("handler:", context["message"], d(exc) if exc else None)
    loop.set_exception_handler(handler)

    async def failing(reader, writer):
        line = await reader.readline()
        raise KeyError(line.decode().strip())

    server = await asyncio.start_server(failing, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"boom\n")
    out("client reads", await reader.read())
    writer.close()
    await writer.wait_closed()

    # serve_forever, cancelled
    t = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    try:
        await server.serve_forever()
    except RuntimeError as e:
        out("serve_forever twice", type(e).__name__, "already being awaited" in str(e))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        out("serve_forever cancelled", d(e), server.is_serving(), len(server.sockets))
    try:
        await server.serve_forever()
    except RuntimeError as e:
        out("serve_forever on a closed server", type(e).__name__, str(e).endswith("is closed"))
    await server.wait_closed()

    # close() ends serve_forever
    async def echo(reader, writer):
        data = await reader.read()
        writer.write(data)
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    t = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    server.close()
    out("closed while a connection is open", server.is_serving(), t.done())
    writer.write(b"still served")
    writer.write_eof()
    out("echo", await reader.read())
    try:
        await t
    except asyncio.CancelledError as e:
        out("serve_forever after close()", d(e), t.cancelled(), t.cancelling())
    writer.close()
    await writer.wait_closed()
    await server.wait_closed()
    # drain after close
    served = loop.create_future()

    async def closes(reader, writer):
        writer.close()
        served.set_result(None)

    server = await asyncio.start_server(closes, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    await served
    writer.close()
    try:
        await writer.drain()
    except ConnectionResetError as e:
        out("drain after close", str(e))
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    out("done")


go(main())
