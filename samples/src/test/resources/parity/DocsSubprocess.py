from prelude import *
import sys


async def run(cmd):
    proc = await asyncio.create_subprocess_shell(
        cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    stdout, stderr = await proc.communicate()
    out(f"[{cmd!r} exited with {proc.returncode}]")
    if stdout:
        out(f"[stdout]\n{stdout.decode()}")
    if stderr:
        out(f"[stderr]\n{stderr.decode()}")


async def get_date():
    code = "print(6 * 7)"
    proc = await asyncio.create_subprocess_exec("python3", "-c", code, stdout=asyncio.subprocess.PIPE)
    data = await proc.stdout.readline()
    line = data.decode("ascii").rstrip()
    await proc.wait()
    return line, proc.returncode


async def main():
    await run("ls /zzz")
    await asyncio.gather(run("sleep 0.05; echo 'hello'"), run("echo first"))
    out("answer", await get_date())
    proc = await asyncio.create_subprocess_exec("cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out("returncode while running", proc.returncode)
    proc.stdin.write(b"via stdin\n")
    await proc.stdin.drain()
    out("cat says", await proc.stdout.readline())
    proc.stdin.close()
    out("cat ends", await proc.stdout.read(), await proc.wait(), proc.returncode)
    proc = await asyncio.create_subprocess_exec("sleep", "10")
    try:
        await asyncio.wait_for(proc.wait(), timeout=0.05)
    except TimeoutError:
        out("still running", proc.returncode)
        proc.terminate()
        out("terminated", await proc.wait())


go(main())
