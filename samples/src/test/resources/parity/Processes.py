from prelude import *
from asyncio.subprocess import PIPE


async def main():
    p = await asyncio.create_subprocess_exec("sh", "-c", "cat; echo err >&2; exit 3",
                                             stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out("before", p.returncode)
    o, e = await p.communicate(b"hello\n")
    out("communicate", o.decode().strip(), e.decode().strip(), p.returncode)
    p = await asyncio.create_subprocess_exec("sh", "-c", "printf 'a\\nb\\n'", stdout=PIPE)
    out("line", (await p.stdout.readline()).decode().strip())
    out("rest", (await p.stdout.read()).decode().strip())
    out("wait", await p.wait())
    p = await asyncio.create_subprocess_exec("sleep", "10")
    p.kill()
    out("killed", await p.wait())
    p = await asyncio.create_subprocess_exec("sleep", "10")
    p.terminate()
    out("terminated", await p.wait())
    p = await asyncio.create_subprocess_shell("exit 7")
    out("shell", await p.wait())
    try:
        await asyncio.create_subprocess_exec("/nonexistent/program")
    except FileNotFoundError as e:
        out("missing", type(e).__name__)
    p = await asyncio.create_subprocess_exec("sleep", "10", stdout=PIPE)
    try:
        await asyncio.wait_for(p.wait(), 0.05)
    except TimeoutError:
        out("wait timed out", p.returncode)
    p.kill()
    out("after kill", await p.wait())


go(main())
