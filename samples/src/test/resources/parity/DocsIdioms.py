"""The asyncio idioms a port writes in Java: walrus loops over readline, awaits in conditions, ternaries, switches."""
from prelude import *


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def main():
    r = asyncio.StreamReader()
    r.feed_data(b"a\nbb\nccc\n")
    r.feed_eof()
    lines = []
    while line := await r.readline():
        lines.append(len(line))
    out("walrus", lines)
    n = 0
    while await value(n) < 3:
        n += 1
    out("while cond", n)
    n = 0
    while True:
        n += 1
        if not await value(n < 4):
            break
    out("do-while", n)
    out("ternary", await value("a") if await value(True) else await value("b"),
        await value("a") if await value(False) else await value("b"))
    total = 0
    for i in range(await value(4)):
        if i == await value(1):
            continue
        if i == await value(3):
            break
        total += await value(i * 10)
    out("for", total)
    kind = await value("two")
    if kind == "one":
        res = await value(1)
    elif kind == "two":
        res = await value(2) + await value(20)
    else:
        res = -1
    out("switch", res)
    x = await value("str")
    out("instanceof", isinstance(x, str) and len(x))
    acc = []
    for outer in range(3):
        for inner in range(3):
            if inner == await value(2):
                break
            if outer == await value(1):
                break
            acc.append((outer, inner))
    out("labeled", acc)
    s = 0
    s += await value(5)
    s *= await value(3)
    out("compound", s)
    arr = [await value(i) for i in range(3)]
    out("list", arr, [await value(i) * 2 for i in arr])
    out("short-circuit", False and await value(True), True or await value(False), await value(0) or await value(9))


go(main())
