from prelude import *


async def v(x):
    await asyncio.sleep(0)
    return x


async def boom(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def return_in_try():
    try:
        return await v("from try")
    finally:
        out("finally sees", await v("cleanup"))


async def loop_with_finally():
    total = 0
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            total += await v(i)
        finally:
            out("finally", i, await v(total))
    return total


async def catch_rethrow():
    try:
        await boom("first")
    except ValueError as e:
        out("caught", d(e))
        try:
            await boom("second")
        except ValueError as e2:
            out("nested caught", d(e2))
        raise KeyError("from except") from e


async def finally_overrides():
    for _ in range(1):
        try:
            await boom("lost")
        finally:
            await v(0)
            break
    return "break in finally swallowed it"


async def short_circuit(calls):
    async def t(x):
        calls.append(x)
        return await v(x)
    if await t(False) and await t(True):
        out("no")
    if await t(True) or await t(False):
        out("or short-circuits")
    return (await t(1)) + (await t(2)) * (await t(3))


async def main():
    out(await return_in_try())
    out("total", await loop_with_finally())
    try:
        await catch_rethrow()
    except KeyError as e:
        out("outer", d(e), d(e.__cause__))
    out(await finally_overrides())
    calls = []
    out("arith", await short_circuit(calls), calls)
    n = 0
    while await v(n) < 3:
        n += 1
    out("while", n)
    results = []
    for x in [await v(c) for c in "abc"]:
        match await v(x):
            case "a":
                results.append(1)
            case "b":
                results.append(await v(2))
            case _:
                results.append(0)
    out("switch", results)


go(main())
