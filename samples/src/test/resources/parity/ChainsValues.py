from prelude import *

log = []


async def num(v, suspend):
    log.append("num " + str(v))
    if suspend:
        await asyncio.sleep(0)
    return v


async def nothing(suspend):
    if suspend:
        await asyncio.sleep(0)
    return None


async def big(v, suspend):
    log.append("big " + str(v))
    if suspend:
        await asyncio.sleep(0)
    return v


async def flag(b, suspend):
    log.append("flag " + str(b))
    if suspend:
        await asyncio.sleep(0)
    return b


async def relay(depth, v, suspend):
    if depth == 0:
        return await num(v, suspend)
    got = await relay(depth - 1, v, suspend)
    return got


async def echo(v, suspend):
    if suspend:
        await asyncio.sleep(0)
    return v


async def max_of(items, suspend):
    best = None
    for item in items:
        x = await echo(item, suspend)
        if best is None or x > best:
            best = x
    return best


async def list_of(n, suspend):
    xs = []
    for i in range(n):
        xs.append(None if i % 3 == 2 else await relay(i, 100 * i + 27, suspend and i % 2 == 0))
    return xs


async def kind(i, suspend):
    kinds = ["zero", "one", "many"]
    return await echo(kinds[min(i, 2)], suspend)


def flush_log():
    s = ", ".join(log)
    log.clear()
    return s


class Acc:
    def __init__(self, name):
        self.name = name
        self.total = 0
        self.calls = 0

    async def add(self, v, suspend):
        self.calls += 1
        self.total += await big(v, suspend)
        return self.total

    async def add_all(self, vs, suspend):
        for v in vs:
            await self.add(v, suspend)
        return self.total

    async def describe(self, suspend):
        return self.name + ":" + str(await self.add_all([128, -129, 1 << 40], suspend)) + "/" + str(self.calls)

    async def who(self):
        return "acc " + self.name

    async def hello(self):
        return "hello " + await self.who()


class Loud(Acc):
    async def who(self):
        await asyncio.sleep(0)
        return "loud " + self.name + " " + str(self.total)


async def values(s):
    out("== values, suspend", s)
    a = 7
    e1 = a + await num(200, s) * await relay(3, 300, s)
    out("e1", e1, flush_log())
    e2 = await big(1 << 40, s) - await num(-129, not s) + await big(128, s) * 3
    out("e2", e2, flush_log())
    n = await nothing(s)
    out("nothing", n, n is None, await nothing(not s))
    k1 = await relay(5, 1000, s)
    k2 = await relay(2, 1000, not s)
    out("equal", k1 == k2, k1, k2, k1 + k2)
    l1 = await big(-1000, s)
    out("long", l1, l1 * l1, flush_log())
    b = await flag(None, s)
    out("bool", b, b is None, await flag(True, s), await flag(False, not s))
    flush_log()
    if await flag(False, s) and await flag(True, s):
        out("never")
    out("short-circuit and", flush_log())
    if await flag(True, s) or await flag(False, s):
        out("or true", flush_log())
    t = await num(1, s) if await flag(True, not s) else await num(2, s)
    f = await num(3, s) if await flag(False, s) else await num(4, not s)
    out("ternary", t, f, flush_log())
    i = 0
    while await relay(i, i, s and i % 2 == 1) < 4:
        i += 1
    out("while", i, flush_log())
    sw = ""
    for j in range(5):
        v = await num(j % 3, s)
        if v == 0:
            sw += "zero;"
        elif v == 1:
            sw += await kind(j, not s) + ";"
        else:
            sw += "d" + str(await num(j * 100, s)) + ";"
        k = await kind(j, s)
        if k == "zero":
            sw += "Z;"
        elif k == "one":
            sw += "O;"
        else:
            sw += "M" + str(await relay(1, j, not s)) + ";"
    out("switch", sw, flush_log())
    xs = await list_of(6, s)
    out("list", xs, flush_log())
    total = 0
    for x in await list_of(5, not s):
        total += -1 if x is None else await num(x, x % 2 == 0)
    out("for-each", total)
    out("generic", await echo("str", s), await echo(129, not s), await echo(None, s),
        await max_of([3, 1000, -5, 999], s), await max_of(["b", "c", "a"], not s))
    flush_log()


async def poke(acc, times):
    for i in range(times):
        acc.total += 1
        out("poke", acc.total)
        await asyncio.sleep(0)


async def failing(depth):
    if depth == 0:
        await asyncio.sleep(0)
        raise ValueError("bad value")
    return await failing(depth - 1)


async def main():
    await values(False)
    await values(True)

    out("== instances")
    acc = Acc("acc")
    out(await acc.describe(False))
    out(await acc.describe(True))
    p = asyncio.create_task(poke(acc, 3))
    out("add sync", await acc.add(10, False))
    out("add suspends (a poke is lost)", await acc.add(20, True), acc.total)
    await p
    out("after pokes", acc.total, acc.calls)
    loud = Loud("l")
    out(await acc.hello(), await loud.hello())

    out("== made first, awaited later")
    flush_log()
    c1 = num(11, True)
    c2 = relay(4, 22, False)
    out("made", flush_log())
    direct = await num(33, True)
    out("direct", direct, flush_log())
    out("later", await c2 + await c1 * 2, flush_log())
    try:
        await c1
    except RuntimeError as e:
        out("again", d(e))
    try:
        await c2
    except RuntimeError as e:
        out("again sync", d(e))
    c3 = big(5, True)
    t3 = asyncio.create_task(c3)
    out("task", await t3)
    try:
        await c3
    except RuntimeError as e:
        out("after task", d(e))
    t4 = asyncio.create_task(c1)
    await asyncio.gather(t4, return_exceptions=True)
    out("task of used coroutine", d(t4.exception()))
    c5 = failing(3)
    try:
        await c5
    except ValueError as e:
        out("failed", d(e))
    try:
        await c5
    except RuntimeError as e:
        out("again after failure", d(e))
    flush_log()
    out("done")


go(main())
