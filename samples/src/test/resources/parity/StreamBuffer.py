from prelude import *


def ir(e):
    """IncompleteReadError as partial and expected."""
    return f"IncompleteReadError {e.partial!r} {e.expected} {str(e)!r}"


async def main():
    r = asyncio.StreamReader()
    out("fresh", r.at_eof(), r.exception())
    r.feed_data(b"hello\nworld")
    r.feed_data(b"")
    out("readline", await r.readline())
    out("read 3", await r.read(3))
    out("read 0", await r.read(0))
    out("at_eof", r.at_eof())
    r.feed_eof()
    out("at_eof after feed_eof", r.at_eof())
    out("read all", await r.read())
    out("at_eof", r.at_eof())
    out("read after eof", await r.read(5), await r.read(), await r.readline())
    try:
        await r.readexactly(1)
    except asyncio.IncompleteReadError as e:
        out("readexactly at eof", ir(e))
    out("readexactly 0", await r.readexactly(0))

    r = asyncio.StreamReader()
    r.feed_data(b"abc")
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        out("readexactly", ir(e), r.at_eof())
    r = asyncio.StreamReader()
    r.feed_data(b"no separator")
    r.feed_eof()
    try:
        await r.readuntil(b"!")
    except asyncio.IncompleteReadError as e:
        out("readuntil", ir(e), r.at_eof())
    r = asyncio.StreamReader()
    r.feed_data(b"last line")
    r.feed_eof()
    out("readline without newline", await r.readline(), await r.readline())

    # the limit
    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"abcdefgh\nij\n")
    try:
        await r.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        out("separator found past limit", repr(str(e)), e.consumed)
    out("data kept", await r.readexactly(9))
    out("then", await r.readuntil(b"\n"))
    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"abcdefgh")
    try:
        await r.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        out("separator not found past limit", repr(str(e)), e.consumed)
    r.feed_data(b"\nxy\n")
    try:
        await r.readline()
    except ValueError as e:  # asyncj: LimitOverrunException
        out("readline too long", repr(str(e)))
    out("after discarding", await r.readline())
    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"abcdefgh")
    try:
        await r.readline()
    except ValueError as e:
        out("readline too long, no newline", repr(str(e)))
    r.feed_data(b"ij\nk")
    out("after discarding all", await r.readline())
    r = asyncio.StreamReader(limit=3)
    r.feed_data(b"abc\n")
    out("exactly the limit", await r.readline())
    r.feed_data(b"ab\r\n")
    out("two-byte separator", await r.readuntil(b"\r\n"))
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        out("limit 0", d(e))
    r = asyncio.StreamReader()
    try:
        await r.readexactly(-1)
    except ValueError as e:
        out("readexactly -1", d(e))
    try:
        await r.readuntil(b"")
    except ValueError as e:
        out("readuntil empty", d(e))

    # waiting readers
    r = asyncio.StreamReader()

    async def reader(name, coro):
        try:
            out(name, "got", await coro)
        except Exception as e:
            out(name, "raised", d(e) if not isinstance(e, asyncio.IncompleteReadError) else ir(e))

    t = asyncio.create_task(reader("until", r.readuntil(b"\r\n")))
    await asyncio.sleep(0)
    t2 = asyncio.create_task(reader("second", r.read(1)))
    await asyncio.sleep(0)
    r.feed_data(b"ab\r")
    out("fed ab\\r")
    await asyncio.sleep(0)
    r.feed_data(b"\ncd")
    out("fed \\ncd")
    await t
    t = asyncio.create_task(reader("exactly", r.readexactly(5)))
    await asyncio.sleep(0)
    r.feed_data(b"ef")
    await asyncio.sleep(0)
    out("still waiting", t.done())
    r.feed_eof()
    await t
    r = asyncio.StreamReader()
    t = asyncio.create_task(reader("read", r.read(10)))
    await asyncio.sleep(0)
    r.feed_data(b"x")
    r.feed_data(b"yz")
    await t
    t = asyncio.create_task(reader("failing", r.readline()))
    await asyncio.sleep(0)
    r.set_exception(ConnectionResetError("reset"))
    await t
    out("exception", d(r.exception()))
    try:
        await r.read(1)
    except ConnectionResetError as e:
        out("read after set_exception", d(e))
    r = asyncio.StreamReader()
    t = asyncio.create_task(reader("cancelled", r.readline()))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    r.feed_data(b"line\n")
    out("after cancel", await r.readline())


go(main())
