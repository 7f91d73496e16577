from prelude import *
import os
import tempfile

# Unix-domain streams; the socket's path is never printed.


async def main():
    path = os.path.join(tempfile.mkdtemp(), "s.sock")

    async def echo(reader, writer):
        while line := await reader.readline():
            writer.write(b"echo " + line)
            await writer.drain()
        writer.close()

    server = await asyncio.start_unix_server(echo, path)
    out("serving", server.is_serving(), len(server.sockets), os.path.exists(path))
    reader, writer = await asyncio.open_unix_connection(path)
    for word in (b"one\n", b"two\n"):
        writer.write(word)
        out(await reader.readline())
    writer.write_eof()
    out("eof", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    out("closed; the file stays (3.11)", os.path.exists(path))
    try:
        await asyncio.open_unix_connection(path)
    except ConnectionRefusedError as e:
        out("connect to a closed server", type(e).__name__)
    # a stale socket file is replaced
    server = await asyncio.start_unix_server(echo, path)
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(b"three\n")
    out(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    os.remove(path)
    try:
        await asyncio.open_unix_connection(path)
    except FileNotFoundError as e:
        out("no such socket", type(e).__name__)
    with open(path, "w"):
        pass
    try:
        await asyncio.start_unix_server(echo, path)
    except OSError as e:
        out("a regular file is not replaced", type(e).__name__)
    os.remove(path)
    os.rmdir(os.path.dirname(path))


go(main())
