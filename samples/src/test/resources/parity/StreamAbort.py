from prelude import *

# writer.transport.abort(): the connection closes at once; what was already sent still reaches the
# peer, which then reads the end of the stream; the aborting side's writes are dropped, its drain
# reports the loss, wait_closed returns.


async def main():
    aborted = asyncio.get_running_loop().create_future()

    async def abortive(reader, writer):
        transport = writer.transport
        out("server peername known", transport.get_extra_info("peername") is not None,
            transport.get_extra_info("no such thing", "default"))
        out("server got", await reader.readexactly(4))
        writer.write(b"hello")
        out("server closing before", writer.is_closing(), transport.is_closing())
        transport.abort()
        out("server closing after", writer.is_closing(), transport.is_closing())
        writer.write(b"dropped")
        try:
            await writer.drain()
            out("server drain ok")
        except OSError as e:
            out("server drain", type(e).__name__)
        try:
            await writer.wait_closed()
            out("server wait_closed ok")
        except OSError as e:
            out("server wait_closed", type(e).__name__)
        transport.abort()  # again: nothing happens
        aborted.set_result(None)

    server = await asyncio.start_server(abortive, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    writer.write(b"ping")
    await writer.drain()
    out("client read", await reader.read())
    out("client at eof", reader.at_eof())
    await aborted
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    out("end")


go(main())
