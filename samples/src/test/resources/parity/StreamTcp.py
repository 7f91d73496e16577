from prelude import *

# Ports are never printed: every server binds port 0 on the loopback.


async def main():
    events = asyncio.Queue()

    async def handle(reader, writer):
        line = await reader.readline()
        await events.put(("server got", line))
        writer.write(line.upper())
        await writer.drain()
        rest = await reader.read()
        await events.put(("server read to eof", rest, reader.at_eof()))
        writer.write(b"bye\n")
        writer.close()
        out("server closing", writer.is_closing())
        await writer.wait_closed()
        await events.put(("server closed",))

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    out("serving", server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    await writer.drain()
    out(*await events.get())
    out("client got", await reader.readline())
    writer.write(b"more ")
    writer.writelines([b"data", b"!"])
    out("can_write_eof", writer.can_write_eof())
    writer.write_eof()
    out("closing after write_eof", writer.is_closing())
    try:
        writer.write(b"x")
    except RuntimeError as e:
        out("write after write_eof", d(e))
    out(*await events.get())
    out("client read", await reader.read())
    out("client at_eof", reader.at_eof(), await reader.read(10), await reader.readline())
    out(*await events.get())
    out("client closing", writer.is_closing())
    writer.close()
    out("client closing", writer.is_closing())
    await writer.wait_closed()
    await writer.wait_closed()
    out("client closed twice")

    # the peer goes away in the middle of a read
    async def half(reader, writer):
        try:
            await reader.readexactly(10)
        except asyncio.IncompleteReadError as e:
            await events.put(("server readexactly", e.partial, e.expected))
        writer.close()

    server2 = await asyncio.start_server(half, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server2.sockets[0].getsockname()[1])
    writer.write(b"four")
    await writer.drain()
    writer.close()
    writer.write(b"dropped")  # silently dropped once closing
    await writer.wait_closed()
    out(*await events.get())
    out("eof from server", await reader.read())

    # the limit, on both sides
    async def limited(reader, writer):
        try:
            await reader.readline()
        except ValueError as e:  # asyncj: LimitOverrunException
            await events.put(("server readline", str(e)))
        out("server next line", await reader.readline())
        try:
            await reader.readuntil(b"!")
        except asyncio.LimitOverrunError as e:
            await events.put(("server readuntil", str(e), e.consumed))
        out("server left", await reader.read())
        writer.write(b"0123456789\n")
        writer.close()

    server3 = await asyncio.start_server(limited, "127.0.0.1", 0, limit=8)
    reader, writer = await asyncio.open_connection("127.0.0.1", server3.sockets[0].getsockname()[1], limit=4)
    writer.write(b"a long line\nok\n0123456789!")
    await writer.drain()
    out(*await events.get())
    out(*await events.get())
    writer.write_eof()
    try:
        await reader.readline()
    except ValueError as e:
        out("client readline", str(e))
    out("client rest", await reader.read())
    writer.close()
    await writer.wait_closed()

    # closing the servers
    for s in (server, server2, server3):
        s.close()
    out("serving after close", server.is_serving(), len(server.sockets))
    await server.wait_closed()
    await server2.wait_closed()
    await server3.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        out("connect after close", type(e).__name__)
    server.close()
    out("closed again")
    # the port is free at once: a new server can listen on it
    again = await asyncio.start_server(handle, "127.0.0.1", port)
    out("same port again", again.is_serving(), again.sockets[0].getsockname()[1] == port)
    again.close()
    await again.wait_closed()


go(main())
