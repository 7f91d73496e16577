from prelude import *

# Timers due at the same time: asyncio's heap compares deadlines only, so their order is heapq's.


async def ties():
    loop = asyncio.get_running_loop()
    fired = []
    t = loop.time() + 0.05
    for i in range(12):
        loop.call_at(t, fired.append, i)
    await asyncio.sleep(0.1)
    out("twelve ties", fired)


async def head_drops():
    # a few cancelled: dropped from the heap's top as they reach it
    loop = asyncio.get_running_loop()
    fired = []
    t = loop.time() + 0.05
    hs = [loop.call_at(t + (i % 3) * 0.01, fired.append, i) for i in range(300)]
    for i in range(0, 300, 5):
        hs[i].cancel()
    await asyncio.sleep(0.15)
    out("head drops", len(fired), fired[:30], sum(k * i for k, i in enumerate(fired)))


async def compaction(n):
    # more than half cancelled: the heap is rebuilt (heapify; past 2500 entries in another order)
    loop = asyncio.get_running_loop()
    fired = []
    t = loop.time() + 0.05
    hs = [loop.call_at(t + (i % 4) * 0.01, fired.append, i) for i in range(n)]
    for i in range(0, n, 2):
        hs[i].cancel()
    hs[1].cancel()
    await asyncio.sleep(0.2)
    out("compaction", n, len(fired), fired[:30], sum(k * i for k, i in enumerate(fired)))


async def sleeper(i, deadline):
    try:
        async with asyncio.timeout_at(deadline):
            await asyncio.sleep(1)
    except TimeoutError:
        out("timed out", i)


async def shared_deadline():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.05
    await asyncio.gather(*(sleeper(i, deadline) for i in range(6)))


async def main():
    await ties()
    await head_drops()
    await compaction(1000)
    await compaction(8000)
    await shared_deadline()


go(main())
