from prelude import *


class BoomError(Exception):
    pass


class OtherError(Exception):
    pass


class IOException(Exception):
    pass


stop = False
failed = None


async def ticker():
    i = 0
    while not stop:
        out("tick", i)
        i += 1
        await asyncio.sleep(0)
    return i


async def bottom(how):
    out("    bottom", how)
    if how == "ok":
        return 1
    if how == "ok-sleep":
        await asyncio.sleep(0)
        return 1
    if how == "raise-sleep":
        await asyncio.sleep(0)
    if how == "raise-future":
        return await failed
    raise BoomError(how)


async def mid(level, how, catch_at):
    try:
        out("  enter", level)
        if level == 1:
            r = await bottom(how)
        else:
            r = await mid(level - 1, how, catch_at)
        out("  got", level, r)
        return r + 1
    except BoomError as e:
        if catch_at == level:
            out("  caught at", level, d(e))
            return -level
        out("  passing", level)
        raise
    finally:
        out("  finally", level)
        if level % 2 == 0:
            await asyncio.sleep(0)
            out("  finally", level, "resumed")


class Holder:
    def __init__(self, tag):
        self.tag = tag
        self.finallies = 0

    async def return_through_finally(self, suspend):
        try:
            if suspend:
                await asyncio.sleep(0)
            return self.tag + "-value"
        finally:
            self.finallies += 1
            out("  rtf finally", self.finallies)
            await asyncio.sleep(0)
            out("  rtf finally resumed")

    async def finally_throws(self, raise_first):
        try:
            if raise_first:
                await mid(2, "raise-sleep", 0)
            return await self.return_through_finally(True)
        finally:
            await asyncio.sleep(0)
            raise OtherError(self.tag + " from finally")

    async def finally_returns(self):
        try:
            await mid(3, "raise", 0)
            return "try"
        finally:
            await asyncio.sleep(0)
            return "finally wins"


async def read_it(fail):
    await asyncio.sleep(0)
    if fail:
        raise IOException("disk")
    return "read"


async def read_twice(fail):
    a = await read_it(False)
    try:
        return a + "+" + await read_it(fail)
    except IOException as e:
        out("  readTwice caught", d(e), "rethrows")
        raise
    finally:
        out("  readTwice finally")


async def loop_break():
    i = 0
    while i < 10:
        try:
            try:
                v = await mid(2, "ok" if i % 2 == 0 else "raise", 0)
                out("  loop", i, v)
                if i == 4:
                    break
            except BoomError as e:
                out("  loop", i, "inner catch", d(e))
                if i == 3:
                    raise OtherError("at 3")
        except OtherError as e:
            out("  loop", i, "outer catch", d(e))
            continue
        finally:
            if i % 2 == 0:
                await asyncio.sleep(0)
            out("  loop finally", i)
            if not (i == 4):
                i += 1
    return i


async def main():
    global stop, failed
    stop = False
    tick = asyncio.create_task(ticker())
    failed = asyncio.get_running_loop().create_future()
    failed.set_exception(BoomError("from future"))
    for how in ["ok", "ok-sleep", "raise", "raise-sleep", "raise-future"]:
        for catch_at in [0, 1, 2, 4]:
            out("case", how, catch_at)
            try:
                out("result", await mid(4, how, catch_at))
            except BoomError as e:
                out("escaped", d(e))
    h = Holder("h")
    out("rtf", await h.return_through_finally(False), await h.return_through_finally(True))
    for raise_first in [False, True]:
        try:
            await h.finally_throws(raise_first)
        except OtherError as e:
            out("finallyThrows", raise_first, d(e))
    out("finallyReturns", await h.finally_returns(), "finallies", h.finallies)
    out("readTwice", await read_twice(False))
    try:
        await read_twice(True)
    except IOException as e:
        out("readTwice", d(e))
    out("loopBreak", await loop_break())
    stop = True
    out("ticks", await tick)

    t = asyncio.create_task(mid(5, "raise-sleep", 0))
    u = asyncio.create_task(mid(3, "raise", 0))
    await asyncio.gather(t, u, return_exceptions=True)
    out("tasks", d(t.exception()), d(u.exception()))
    try:
        await t
    except BoomError as e:
        out("awaiting failed task", d(e))
    out("escaping")
    await mid(6, "raise-future", 0)
    out("not reached")


go(main())
