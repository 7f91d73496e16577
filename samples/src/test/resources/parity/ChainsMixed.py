from prelude import *

sys.setrecursionlimit(200000)


class BoomError(Exception):
    pass


stop = False


async def ticker():
    i = 0
    while not stop:
        i += 1
        await asyncio.sleep(0)
    return i


async def where_am_i(n, suspend):
    if n == 0:
        if suspend:
            await asyncio.sleep(0)
        return asyncio.current_task().get_name()
    return await where_am_i(n - 1, suspend) + ""


async def sleeper(n, seconds):
    try:
        if n == 0:
            await asyncio.sleep(seconds)
            return 0
        return await sleeper(n - 1, seconds) + 1
    finally:
        out("  sleeper finally", n)


async def guarded(n, at, seconds):
    if n == at:
        try:
            async with asyncio.timeout(seconds):
                return await sleeper(n - 1, 10)
        except TimeoutError as e:
            out("  timed out at", n, d(e))
            return -1
    try:
        return await guarded(n - 1, at, seconds) + 100
    finally:
        out("  guarded finally", n)


async def num(v, suspend):
    out("  num", v)
    if suspend:
        await asyncio.sleep(0)
    return v


def mark(s, v):
    out("  mark", s)
    return v


async def add3(a, b, c):
    out("  add3 body", a, b, c)
    return a * 100 + b * 10 + c


async def r0(r, n, what):
    if n == 0:
        return await r.bottom(what)
    return await r.r1(n - 1, what) + 1


class Rec:
    def __init__(self, step):
        self.step = step

    async def r1(self, n, what):
        if n == 0:
            return await self.bottom(what)
        below = await self.r2(n - 1, what)
        return below + self.step

    async def r2(self, n, what):
        if n == 0:
            return await self.bottom(what)
        return await r0(self, n - 1, what) + self.step * 2

    async def bottom(self, what):
        if what == "sync":
            return 0
        elif what == "sleep":
            await asyncio.sleep(0)
            return 0
        elif what == "raise-sleep":
            await asyncio.sleep(0)
            raise BoomError("deep after sleep")
        else:
            raise BoomError("deep at once")


async def every_level(n):
    await asyncio.sleep(0)
    if n == 0:
        return 0
    below = await every_level(n - 1)
    if n % 10 == 0:
        await asyncio.sleep(0)
    return below + 1


async def dive(n, at):
    if n == at:
        await asyncio.sleep(0)
    if n == 0:
        return 0
    return await dive(n - 1, at) + 1


async def main():
    global stop
    out("== gather names")
    names = await asyncio.gather(where_am_i(10, True), where_am_i(3, False), where_am_i(0, True))
    out(names, await where_am_i(20, True), await where_am_i(5, False))

    out("== timeouts")
    try:
        async with asyncio.timeout(0.05):
            await sleeper(4, 10)
    except TimeoutError as e:
        out("timeout at the top", d(e))
    async with asyncio.timeout(1):
        quick = await sleeper(4, 0)
    out("quick", quick)
    out("guarded", await guarded(5, 2, 0.05))

    out("== arguments that await")
    out("add3", await add3(await num(1, True), mark("b", 2), await num(3, False)))
    later = add3(mark("x", 4), await num(5, True), 6)
    out("made later")
    out("later", await later)

    out("== other forms")
    pick = True
    out("ternary", await (num(7, True) if pick else num(8, True)), await (num(7, False) if not pick else num(8, False)))
    out("wrapped", await num(9, True))

    out("== mutual recursion")
    rec = Rec(1)
    out("sync", await r0(rec, 9000, "sync"))
    out("sleep", await rec.r1(9001, "sleep"))
    try:
        await rec.r2(9002, "raise-sleep")
    except BoomError as e:
        out("caught", d(e))
    try:
        await r0(rec, 20000, "raise")
    except BoomError as e:
        out("caught", d(e))
    out("everyLevel", await every_level(3000))

    out("== loop of dives")
    stop = False
    tick = asyncio.create_task(ticker())
    total = 0
    for i in range(20):
        at = 0 if i % 3 == 0 else 500 if i % 3 == 1 else -1
        total += await dive(1000, at)
    stop = True
    out("dives", total, "ticks", await tick)
    t = asyncio.create_task(r0(Rec(2), 5000, "raise-sleep"))
    await asyncio.gather(t, return_exceptions=True)
    out("task", d(t.exception()))


go(main())
