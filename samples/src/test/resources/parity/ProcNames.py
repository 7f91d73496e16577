from prelude import *
from asyncio.subprocess import PIPE


async def nothing():
    pass


async def main():
    out("first", asyncio.create_task(nothing()).get_name())
    p = await asyncio.create_subprocess_exec("true")
    out("after exec", asyncio.create_task(nothing()).get_name())
    await p.wait()
    out("after wait", asyncio.create_task(nothing()).get_name())
    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out("after exec with pipes", asyncio.create_task(nothing()).get_name())
    await p.communicate(b"x")
    out("after communicate", asyncio.create_task(nothing()).get_name())
    p = await asyncio.create_subprocess_exec("echo", "hi", stdout=PIPE)
    await p.stdout.read()
    await p.wait()
    out("after read", asyncio.create_task(nothing()).get_name())
    try:
        await asyncio.create_subprocess_exec("/nonexistent/x")
    except OSError:
        pass
    out("after failed exec", asyncio.create_task(nothing()).get_name())
    p = await asyncio.create_subprocess_shell("exit 0")
    out("after shell", asyncio.create_task(nothing()).get_name(), len(asyncio.all_tasks()))
    await p.wait()


go(main())
