from prelude import *

# A server that closes a connection with unread data in it: the peer gets a reset (not an end of
# stream first), and every later read, drain and wait_closed raise it. The server's reader is
# paused (limit 16) so the client's data stays unread in the kernel.


async def main():
    closed = asyncio.get_running_loop().create_future()

    async def rude(reader, writer):
        await asyncio.sleep(0.05)  # the client's data fills the buffers; reading is paused
        writer.close()
        closed.set_result(None)

    server = await asyncio.start_server(rude, "127.0.0.1", 0, limit=16)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    writer.write(b"x" * (1 << 20))
    try:
        await writer.drain()
        out("drained")
    except OSError as e:
        out("drain", type(e).__name__)
    await closed
    try:
        out("read", await reader.read())
    except OSError as e:
        out("read", type(e).__name__, reader.exception() is e, reader.at_eof())
    try:
        out("read again", await reader.read(1))
    except OSError as e:
        out("read again", type(e).__name__)
    out("closing", writer.is_closing())
    try:
        await writer.wait_closed()
        out("wait_closed ok")
    except OSError as e:
        out("wait_closed", type(e).__name__)
    try:
        await writer.drain()
        out("drain ok")
    except OSError as e:
        out("drain", type(e).__name__)
    writer.write(b"more")  # dropped
    writer.close()
    server.close()
    out("end")


go(main())
