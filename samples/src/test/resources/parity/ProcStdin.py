from prelude import *

# A child's stdin after the child is gone: drain raises (the connection is lost), a writer that
# outlives its reader gets a broken pipe, communicate ignores it.
from asyncio.subprocess import PIPE


async def main():
    p = await asyncio.create_subprocess_exec("true", stdin=PIPE)
    out("exit", await p.wait())
    await asyncio.sleep(0.05)  # the pipe's connection_lost may come an iteration after wait returns
    out("closing", p.stdin.is_closing())
    p.stdin.write(b"x" * 100000)
    try:
        await p.stdin.drain()
        out("drained")
    except OSError as e:
        out("drain", type(e).__name__, str(e))
    out("closing", p.stdin.is_closing())
    try:
        await p.stdin.drain()
        out("drained")
    except OSError as e:
        out("drain again", type(e).__name__, str(e))
    p.stdin.close()
    await p.stdin.wait_closed()
    out("closed")
    p = await asyncio.create_subprocess_exec("sh", "-c", "head -c 10 >/dev/null; exit 5", stdin=PIPE)
    try:
        for i in range(100):
            p.stdin.write(b"y" * 65536)
            await p.stdin.drain()
        out("wrote everything")
    except OSError as e:
        out("drain while the child quits", type(e).__name__)
    out("exit", await p.wait())
    p = await asyncio.create_subprocess_exec("sh", "-c", "head -c 10 >/dev/null; exit 5", stdin=PIPE)
    out("communicate ignores the broken pipe", await p.communicate(b"z" * 1000000), p.returncode)


go(main())
