from prelude import *

sys.setrecursionlimit(200000)


class BoomError(Exception):
    pass


queue = None
pending = None
stop = False
finallies = 0


async def leaf(mode, n):
    if mode == "sync":
        return n
    elif mode == "sleep0":
        await asyncio.sleep(0)
        return n
    elif mode == "future":
        return await pending + n
    elif mode == "queue":
        return await queue.get() + n
    elif mode == "timer":
        return await asyncio.sleep(0.03 * (n % 4 + 1), n)
    elif mode == "boom":
        await asyncio.sleep(0)
        raise BoomError("boom at " + str(n))
    raise ValueError(mode)


async def stat(w, n, at, mode):
    w.visits += 1
    here = await leaf(mode, n) if n == at else n
    if n == 0:
        return here
    return here + await w.priv(n - 1, at, mode)


class Walker:
    def __init__(self, name):
        self.name = name
        self.visits = 0

    async def priv(self, n, at, mode):
        self.visits += 1
        here = n
        if n == at:
            here = await leaf(mode, n)
        if n == 0:
            return here
        rest = await self.fin(n - 1, at, mode)
        return here + rest

    async def fin(self, n, at, mode):
        self.visits += 1
        if n == at:
            got = await leaf(mode, n)
            return got if n == 0 else got + await stat(self, n - 1, at, mode)
        if n == 0:
            return 0
        return n + await stat(self, n - 1, at, mode)

    async def count(self, n, suspend):
        if n == 0:
            if suspend:
                await asyncio.sleep(0)
            return 0
        below = await self.count(n - 1, suspend)
        return below + 1


async def ticker():
    i = 0
    while not stop:
        out("tick", i)
        i += 1
        await asyncio.sleep(0)
    return i


async def setter(steps, value):
    for i in range(steps):
        await asyncio.sleep(0)
    out("set", value)
    pending.set_result(value)


async def producer(steps, count):
    for i in range(count):
        for j in range(steps):
            await asyncio.sleep(0)
        out("put", 1000 + i)
        queue.put_nowait(1000 + i)


async def down(n):
    if n == 0:
        return 0
    return 1 + await down(n - 1)


async def down_sleep(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    below = await down_sleep(n - 1)
    return below + 1


async def down_throw(n):
    global finallies
    try:
        if n == 0:
            await asyncio.sleep(0)
            raise BoomError("bottom")
        return await down_throw(n - 1) + 1
    finally:
        finallies += 1


async def loop(w, iterations, depth, mode):
    total = 0
    for i in range(iterations):
        at = -1 if i % 3 == 0 else (i * 5) % (depth + 1)
        r = await stat(w, depth, at, mode)
        out(" iter", i, "at", at, "->", r)
        total += r
    return total


async def main():
    global queue, pending, stop
    w = Walker("w")
    queue = asyncio.Queue()
    stop = False
    tick = asyncio.create_task(ticker())
    shapes = [[3, -1], [3, 0], [3, 3], [3, 2], [10, 5], [10, -1], [50, 49], [50, 0], [50, 25], [50, -1], [49, 48], [48, 1]]
    for s in shapes:
        out("chain", s[0], s[1], "start")
        r = await stat(w, s[0], s[1], "sleep0")
        out("chain", s[0], s[1], "->", r, "visits", w.visits)
    out("loop ->", await loop(w, 7, 6, "sleep0"), "visits", w.visits)
    pending = asyncio.get_running_loop().create_future()
    asyncio.create_task(setter(3, 100))
    out("future chain ->", await w.fin(20, 7, "future"))
    out("future again ->", await w.priv(20, 13, "future"))
    queue.put_nowait(7)
    asyncio.create_task(producer(2, 3))
    out("queue loop ->", await loop(w, 5, 5, "queue"), "visits", w.visits)
    stop = True
    out("ticks", await tick)

    a = asyncio.create_task(stat(w, 12, 3, "timer"))
    b = asyncio.create_task(w.fin(12, 10, "timer"))
    c = asyncio.create_task(w.priv(12, 5, "timer"))
    a.add_done_callback(lambda t: out("done a", t.result()))
    b.add_done_callback(lambda t: out("done b", t.result()))
    c.add_done_callback(lambda t: out("done c", t.result()))
    out("timers ->", await asyncio.gather(a, b, c))

    out("down", await down(20000))
    out("downSleep", await down_sleep(10000))
    out("count", await w.count(15000, False), await w.count(5000, True))
    try:
        await down_throw(5000)
    except BoomError as e:
        out("downThrow", d(e), "finallies", finallies)

    t = asyncio.create_task(w.fin(30, 10, "boom"))
    await asyncio.gather(t, return_exceptions=True)
    out("task failed", d(t.exception()), t.done(), t.cancelled())
    out("visits", w.visits, w.name)
    out("escaping")
    await stat(w, 40, 40, "boom")
    out("not reached")


go(main())
