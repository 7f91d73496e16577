from prelude import *


async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info("peername")
    out(f"Received {message!r} from a peer: {addr is not None}")
    out(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()
    out("Close the connection")
    writer.close()
    await writer.wait_closed()


async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out(f"Send: {message!r}")
    writer.write(message.encode())
    await writer.drain()
    data = await reader.read(100)
    out(f"Received: {data.decode()!r}")
    out("Close the connection")
    writer.close()
    await writer.wait_closed()
    out("at_eof after close", reader.at_eof(), writer.is_closing())


async def lines(reader, writer):
    n = 0
    while True:
        line = await reader.readline()
        if not line:
            break
        n += 1
        writer.write(b"%d:" % n + line.upper())
    writer.writelines([b"total ", b"%d\n" % n])
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    out("serving", server.is_serving(), len(server.sockets))
    async with server:
        await tcp_echo_client("Hello World!", port)
        await asyncio.sleep(0.02)
    out("after async with", server.is_serving())
    await server.wait_closed()

    server = await asyncio.start_server(lines, "127.0.0.1", 0, start_serving=False)
    out("start_serving=False", server.is_serving())
    await server.start_serving()
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out("can_write_eof", writer.can_write_eof())
    writer.writelines([b"one\ntw", b"o\nthree"])
    writer.write_eof()
    received = []
    while line := await reader.readline():
        received.append(line)
    out("lines", received, reader.at_eof())
    out("read at eof", await reader.read(), await reader.read(10))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except OSError as e:
        out("refused", type(e).__name__)


go(main())
