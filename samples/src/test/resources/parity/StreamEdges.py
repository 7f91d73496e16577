from prelude import *

# A hand-fed StreamReader's corners that StreamBuffer leaves out: a woken read that finds its data
# taken, read(-1) cut short the same way, the recorded exception against reads at end of stream,
# read(0) and readexactly(0), data that wakes a reader before an exception is set, a multi-byte
# separator split across feeds against the limit, feed_data after feed_eof, the repr.
# asyncj: feed_data after feed_eof throws IllegalStateException("feedData after feedEof") where
# asyncio's assert raises AssertionError('feed_data after feed_eof'): only the raise is printed.


def ir(e):
    return f"IncompleteReadError {e.partial!r} {e.expected} {str(e)!r}"


async def attempt(name, coro):
    try:
        out(name, "got", await coro)
    except asyncio.IncompleteReadError as e:
        out(name, ir(e))
    except asyncio.LimitOverrunError as e:
        out(name, "LimitOverrunError", repr(str(e)), e.consumed)
    except Exception as e:
        out(name, "raised", d(e))


async def main():
    # a read woken by data that someone else takes first: it returns what is left (nothing)
    r = asyncio.StreamReader()
    t = asyncio.create_task(attempt("woken read(5)", r.read(5)))
    await asyncio.sleep(0)
    r.feed_data(b"x")
    out("taken first", await r.read(1))
    await t
    # read(-1) ends early the same way: its inner read(limit) returns b''
    t = asyncio.create_task(attempt("woken read(-1)", r.read()))
    await asyncio.sleep(0)
    r.feed_data(b"yz")
    out("taken first", await r.read(2))
    await t
    out("not at eof", r.at_eof())
    # read(-1) collects blocks before being cut short
    r = asyncio.StreamReader(limit=2)
    r.feed_data(b"abcde")
    t = asyncio.create_task(attempt("read(-1) with blocks", r.read()))
    await asyncio.sleep(0)
    r.feed_data(b"f")
    r.feed_data(b"g")
    out("taken first", await r.read(5))
    await t
    # readexactly and readuntil wait again instead
    r = asyncio.StreamReader()
    t = asyncio.create_task(attempt("woken readexactly(2)", r.readexactly(2)))
    await asyncio.sleep(0)
    r.feed_data(b"a")
    out("taken first", await r.read(1))
    await asyncio.sleep(0)
    out("still waiting", t.done())
    r.feed_data(b"bc")
    await t
    t = asyncio.create_task(attempt("woken readline", r.readline()))
    await asyncio.sleep(0)
    r.feed_data(b"d\n")
    out("taken first", await r.read(5))
    await asyncio.sleep(0)
    out("still waiting", t.done())
    r.feed_data(b"e\n")
    await t

    # readuntil remembers where it stopped looking, even after another reader took the data
    r = asyncio.StreamReader(limit=5)
    t = asyncio.create_task(attempt("stale offset", r.readuntil(b"\n")))
    await asyncio.sleep(0)
    r.feed_data(b"abcd")
    await asyncio.sleep(0)
    r.feed_data(b"e\n")
    out("taken first", await r.read(5))
    for chunk in (b"x", b"\nyz", b"\n"):
        await asyncio.sleep(0)
        out("feed", chunk, t.done())
        r.feed_data(chunk)
    await t
    r = asyncio.StreamReader(limit=5)
    t = asyncio.create_task(attempt("stale offset past limit", r.readuntil(b"\n")))
    await asyncio.sleep(0)
    r.feed_data(b"abcd")
    await asyncio.sleep(0)
    r.feed_data(b"e")
    out("taken first", await r.read(5))
    for chunk in (b"fghi", b"jk"):
        await asyncio.sleep(0)
        out("feed", chunk, t.done())
        r.feed_data(chunk)
    await t
    await attempt("left", r.read(20))

    # data wakes the reader, then an exception is set before it runs: the data wins
    r = asyncio.StreamReader()
    t = asyncio.create_task(attempt("readline fed then failed", r.readline()))
    await asyncio.sleep(0)
    r.feed_data(b"line\nmore")
    r.set_exception(ConnectionError("lost"))
    await t
    await attempt("read(3) after", r.read(3))

    # the recorded exception comes before everything, end of stream included
    r = asyncio.StreamReader()
    r.feed_data(b"buffered\n")
    r.feed_eof()
    r.set_exception(ConnectionError("gone"))
    out("at_eof with exception", r.at_eof())
    await attempt("read(0)", r.read(0))
    await attempt("read(4)", r.read(4))
    await attempt("read(-1)", r.read())
    await attempt("readexactly(0)", r.readexactly(0))
    await attempt("readline", r.readline())
    await attempt("readuntil", r.readuntil(b"!"))
    r.set_exception(None)
    await attempt("after clearing", r.readline())

    # a three-byte separator split across feeds, against the limit
    r = asyncio.StreamReader(limit=5)
    t = asyncio.create_task(attempt("END split", r.readuntil(b"END")))
    for chunk in (b"abcde", b"E", b"N", b"D"):
        await asyncio.sleep(0)
        out("feed", chunk, t.done())
        r.feed_data(chunk)
    await t
    t = asyncio.create_task(attempt("END past limit", r.readuntil(b"END")))
    for chunk in (b"abcdef", b"E", b"N"):
        await asyncio.sleep(0)
        out("feed", chunk, t.done())
        r.feed_data(chunk)
    await t
    r.feed_data(b"D")
    await attempt("END still past limit", r.readuntil(b"END"))
    await attempt("readexactly the chunk", r.readexactly(6))
    await attempt("then", r.readuntil(b"END"))
    # separator found exactly at the limit, and one past it
    r = asyncio.StreamReader(limit=3)
    r.feed_data(b"abc\ndefg\n")
    await attempt("at the limit", r.readuntil(b"\n"))
    await attempt("one past", r.readuntil(b"\n"))
    await attempt("readline one past", r.readline())
    r.feed_data(b"h\n")
    await attempt("after", r.readline())
    # readline: a long line split across feeds is discarded as it grows
    r = asyncio.StreamReader(limit=3)
    t = asyncio.create_task(attempt("readline long", r.readline()))
    await asyncio.sleep(0)
    r.feed_data(b"ab")
    await asyncio.sleep(0)
    r.feed_data(b"cdef")
    await t
    r.feed_data(b"g\nh\n")
    await attempt("next readline", r.readline())
    await attempt("next readline", r.readline())

    # end of stream
    r = asyncio.StreamReader()
    r.feed_eof()
    r.feed_eof()
    await attempt("read(0) at eof", r.read(0))
    await attempt("readexactly(0) at eof", r.readexactly(0))
    await attempt("readexactly(1) at eof", r.readexactly(1))
    await attempt("readuntil at eof", r.readuntil(b"x"))
    try:
        r.feed_data(b"late")
    except (AssertionError, RuntimeError):  # asyncj: IllegalStateException
        out("feed_data after feed_eof raises")
    out("at_eof", r.at_eof())

    # repr (no waiter, transport or exception: their reprs differ)
    r = asyncio.StreamReader()
    out(repr(r))
    r.feed_data(b"abc")
    out(repr(r))
    r = asyncio.StreamReader(limit=10)
    r.feed_data(b"abc")
    r.feed_eof()
    out(repr(r))
    await r.read()
    out(repr(r))


go(main())
