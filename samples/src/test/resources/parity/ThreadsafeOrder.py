from prelude import *
import threading

# call_soon_threadsafe from the loop's own thread queues in line with call_soon; from another
# thread, the callbacks of one thread keep their order.


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon_threadsafe(out, "threadsafe 1")
    loop.call_soon(out, "soon 2")
    loop.call_soon_threadsafe(out, "threadsafe 3")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: out("done cb"))
    fut.set_result(1)
    loop.call_soon_threadsafe(out, "threadsafe 4")
    h = loop.call_soon_threadsafe(out, "cancelled")
    h.cancel()
    await asyncio.sleep(0)
    out("main resumed")

    def from_callback():
        out("callback")
        loop.call_soon_threadsafe(out, "threadsafe from callback")
        loop.call_soon(out, "soon from callback")
    loop.call_soon(from_callback)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    done = loop.create_future()

    def worker():
        for i in range(3):
            loop.call_soon_threadsafe(out, "worker", i)
        loop.call_soon_threadsafe(done.set_result, None)
    threading.Thread(target=worker).start()
    await done
    out("end")


go(main())
