from prelude import *

# Back-pressure and flow control: the sizes are far above the limits and the socket buffers, so
# the writer's drain waits and the reader pauses and resumes its transport. Only sizes and sums
# are printed.

CHUNK = bytes(range(256)) * 256  # 64 KiB


def summary(data):
    return len(data), sum(data) % 65521


async def main():
    done = asyncio.get_running_loop().create_future()

    async def producer(reader, writer):
        writer.transport.set_write_buffer_limits(high=16384)
        drains = 0
        for i in range(48):  # 3 MiB
            writer.write(CHUNK)
            await writer.drain()
            drains += 1
        writer.write(b"x" * 2000 + b"--marker--\n")
        writer.write(b"tail " * 1000)
        await writer.drain()
        request = await reader.readline()
        writer.write(request.upper())
        writer.close()
        await writer.wait_closed()
        done.set_result(drains)

    server = await asyncio.start_server(producer, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1], limit=1024)
    await asyncio.sleep(0.05)  # let the producer fill every buffer and block in drain
    out("readexactly", *summary(await reader.readexactly(1_000_000)))
    total = 0
    remaining = 48 * 65536 - 1_000_000
    while remaining > 0:
        block = await reader.read(min(100_000, remaining))
        total += sum(block)
        remaining -= len(block)
    out("read blocks", total % 65521)
    try:
        await reader.readuntil(b"--marker--\n")
    except asyncio.LimitOverrunError as e:
        out("not within the limit", type(e).__name__)  # which message depends on what is buffered
    out("before marker", len(await reader.readexactly(2000)))
    out("marker", await reader.readuntil(b"--marker--\n"))
    writer.write(b"send the rest\n")
    rest = await reader.read()
    out("rest", len(rest), rest[-18:])
    out("drains", await done)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


go(main())
