from prelude import *
from asyncio.subprocess import PIPE

# A child's stdout read through a small limit: a line past it, then lines within it; 1 MiB through
# a reader whose buffer pauses the pipe far below that.


async def main():
    p = await asyncio.create_subprocess_exec(
        "sh", "-c", "printf '%0100d\\nshort\\nend'", stdout=PIPE, limit=16)
    try:
        await p.stdout.readline()
    except ValueError:  # asyncj: LimitOverrunException; which message depends on what is buffered
        out("line too long")
    out("next", await p.stdout.readline())
    out("last", await p.stdout.readline(), await p.stdout.readline(), p.stdout.at_eof())
    out("exit", await p.wait())
    p = await asyncio.create_subprocess_exec(
        "sh", "-c", "head -c 1048576 /dev/zero", stdout=PIPE, limit=1024)
    total = 0
    while chunk := await p.stdout.read(5000):
        total += len(chunk)
    out("read", total, await p.wait())
    p = await asyncio.create_subprocess_exec(
        "sh", "-c", "head -c 300000 /dev/zero; echo; echo done", stdout=PIPE, limit=1024)
    data = await p.stdout.readexactly(300001)
    out("readexactly", len(data), await p.stdout.readline(), await p.wait())


go(main())
