from prelude import *
import os
from asyncio.subprocess import PIPE, DEVNULL, STDOUT

# Not compared: a child that kills itself with a signal (asyncio reports -15; Java's Process
# reports 143 and cannot tell it from exit(143)).


async def main():
    p = await asyncio.create_subprocess_exec("sh", "-c", "exit 3", stdout=PIPE)
    out("communicate", await p.communicate(), p.returncode)
    p = await asyncio.create_subprocess_exec("sleep", "5")
    out("running", p.returncode)
    p.kill()
    out("killed", await p.wait(), await p.wait(), p.returncode)
    for name, f in (("send_signal", lambda: p.send_signal(15)), ("kill", p.kill), ("terminate", p.terminate)):
        try:
            f()
        except ProcessLookupError as e:
            out(name, "after exit", type(e).__name__)
    p = await asyncio.create_subprocess_exec("sh", "-c", "read x; echo got $x; echo err >&2; exit 4",
                                             stdin=PIPE, stdout=PIPE, stderr=STDOUT)
    p.stdin.write(b"hi\n")
    await p.stdin.drain()
    out("stderr to stdout", p.stderr, await p.stdout.read(), await p.wait())
    p = await asyncio.create_subprocess_exec("sh", "-c", "echo x", stdout=DEVNULL)
    out("devnull", p.stdout, await p.communicate(), p.returncode)
    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    data = bytes(range(256)) * 4096  # 1 MiB, far above a pipe's buffer
    o, e = await p.communicate(data)
    out("cat 1 MiB", len(o), o == data, e, p.returncode)
    p = await asyncio.create_subprocess_exec("sh", "-c", "echo $FOO; pwd", stdout=PIPE,
                                             env={"FOO": "bar", "PATH": os.environ["PATH"]}, cwd="/")
    out("env and cwd", await p.communicate())
    p = await asyncio.create_subprocess_shell("echo one; echo two >&2", stdout=PIPE, stderr=PIPE)
    out("shell", await p.communicate())
    p = await asyncio.create_subprocess_exec("sh", "-c", "printf 'a\\nb\\nc'", stdout=PIPE)
    lines = []
    while line := await p.stdout.readline():
        lines.append(line)
    out("lines", lines, p.stdout.at_eof(), await p.wait())


go(main())
