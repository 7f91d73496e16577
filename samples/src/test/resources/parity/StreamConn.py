from prelude import *

# A TCP connection's odds: get_extra_info before and after close, the server half-closing first,
# write_eof twice and after close, write after write_eof, a handler that raises while the client
# waits in readexactly, wait_closed awaited before close, start_server on a busy port, reads after
# one's own close. Ports are never printed.
# asyncj: a busy port is a java.net.BindException (an IOException) where asyncio raises OSError.


async def main():
    events = asyncio.Queue()

    async def half_first(reader, writer):
        await events.put(("server names", writer.get_extra_info("peername") is not None,
                          writer.get_extra_info("sockname") is not None))
        await events.put(("server addresses", writer.get_extra_info("sockname"), writer.get_extra_info("peername")))
        writer.write(b"from server")
        writer.write_eof()
        writer.write_eof()
        try:
            writer.write(b"")
        except RuntimeError as e:
            await events.put(("server write after write_eof", d(e)))
        await events.put(("server closing", writer.is_closing()))
        data = await reader.read()
        await events.put(("server read", data, reader.at_eof(), reader.exception()))
        writer.close()
        await writer.wait_closed()
        await events.put(("server closed", writer.get_extra_info("peername") is not None))

    server = await asyncio.start_server(half_first, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out(*await events.get())
    kind, srv_sock, srv_peer = await events.get()
    out(kind, srv_sock == writer.get_extra_info("peername"), srv_peer == writer.get_extra_info("sockname"))
    out(*await events.get())
    out(*await events.get())
    out("client read", await reader.read(), reader.at_eof(), reader.exception())
    out("client closing after eof", writer.is_closing(), writer.transport.is_closing())
    out("write buffer", writer.transport.get_write_buffer_size())
    await writer.drain()
    writer.write(b"from client")
    await writer.drain()
    writer.write_eof()
    out(*await events.get())
    out(*await events.get())
    waiting = asyncio.create_task(writer.wait_closed())
    await asyncio.sleep(0)
    out("wait_closed before close", waiting.done())
    writer.close()
    writer.write_eof()  # after close: nothing happens
    out("can_write_eof after close", writer.can_write_eof())
    await waiting
    out("client closed", waiting.done(), writer.get_extra_info("peername") is not None,
        writer.get_extra_info("no such key", 42))

    # a handler that raises while the client waits for more
    async def failing(reader, writer):
        writer.write(b"par")
        await writer.drain()
        await reader.readexactly(1)
        raise KeyError("handler failed")

    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda l, c: out("handler:", c["message"], d(c.get("exception"))))
    server2 = await asyncio.start_server(failing, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server2.sockets[0].getsockname()[1])
    out("client got", await reader.readexactly(3))
    writer.write(b"!")
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        out("client readexactly", e.partial, e.expected)
    out("client at_eof", reader.at_eof(), writer.is_closing())
    writer.close()
    await writer.wait_closed()

    # reads after one's own close: what arrived stays readable, then end of stream
    async def talker(reader, writer):
        writer.write(b"hi\nthere")
        await writer.drain()
        await reader.read()
        writer.close()

    server3 = await asyncio.start_server(talker, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server3.sockets[0].getsockname()[1])
    out("line", await reader.readline())
    writer.close()
    await writer.wait_closed()
    out("after own close", await reader.read(), reader.at_eof(), reader.exception())

    # a busy port
    try:
        await asyncio.start_server(talker, "127.0.0.1", port)
    except OSError:  # asyncj: BindException
        out("busy port", "OSError")

    for s in (server, server2, server3):
        s.close()
        await s.wait_closed()
    out("end")


go(main())
