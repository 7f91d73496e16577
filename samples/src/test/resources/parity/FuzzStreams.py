"""Random reads from a StreamReader fed by hand in random chunks (a seeded LCG both sides share), with
a small limit: read(n), readline, readexactly, readuntil over separators that span chunks, the
limit's errors and what they leave in the buffer, end of stream."""
from prelude import *

SEEDS = range(1, 601)
SEPS = [b"\n", b"ab", b"\r\n", b"aab"]
ALPHABET = b"ab\n\rx"


class Rng:
    def __init__(self, seed):
        self.x = seed

    def next(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return (self.x >> 8) % n


def b(x):
    return repr(bytes(x))


async def reader_task(r, ops):
    for k, op in enumerate(ops):
        try:
            if op[0] == "read":
                res = await r.read(op[1])
            elif op[0] == "readline":
                res = await r.readline()
            elif op[0] == "readexactly":
                res = await r.readexactly(op[1])
            else:
                res = await r.readuntil(SEPS[op[1]])
            out(k, op[0], op[1] if len(op) > 1 else "", "->", b(res), r.at_eof())
        except asyncio.IncompleteReadError as e:
            out(k, op[0], "IncompleteReadError", b(e.partial), e.expected)
        except asyncio.LimitOverrunError as e:
            out(k, op[0], "LimitOverrunError", repr(str(e)), e.consumed)
        except ValueError as e:
            out(k, op[0], d(e))


async def feeder(r, chunks, eof):
    for c in chunks:
        r.feed_data(c)
        out("fed", b(c))
        await asyncio.sleep(0)
    if eof:
        r.feed_eof()
        out("eof")


async def program(seed):
    rng = Rng(seed)
    limit = 2 + rng.next(6)
    r = asyncio.StreamReader(limit=limit)
    chunks = []
    for _ in range(1 + rng.next(6)):
        chunks.append(bytes(ALPHABET[rng.next(len(ALPHABET))] for _ in range(rng.next(7))))
    eof = rng.next(4) != 0
    ops = []
    for _ in range(1 + rng.next(6)):
        c = rng.next(4)
        if c == 0:
            ops.append(("read", rng.next(8) - 1))
        elif c == 1:
            ops.append(("readline",))
        elif c == 2:
            ops.append(("readexactly", rng.next(6)))
        else:
            ops.append(("readuntil", rng.next(len(SEPS))))
    out("limit", limit)
    t = asyncio.create_task(reader_task(r, ops))
    await feeder(r, chunks, eof)
    for _ in range(5):
        await asyncio.sleep(0)
    if not t.done():
        t.cancel()
        out("reader still waiting; cancelled")
        try:
            await t
        except asyncio.CancelledError:
            pass
    r.feed_eof()
    out("left", b(await r.read()), r.at_eof())


async def main():
    for seed in SEEDS:
        out("== seed", seed)
        await program(seed)


go(main())
