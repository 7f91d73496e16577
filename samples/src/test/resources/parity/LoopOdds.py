from prelude import *

# current_task in callbacks, get_running_loop in a worker thread, all_tasks around a task cancelled
# before it ran, handles cancelled twice (test_tasks.py, test_events.py odds).

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda _: out("in callback", asyncio.current_task()))
    loop.call_soon(lambda: out("in call_soon", asyncio.current_task()))
    f.set_result(1)
    await asyncio.sleep(0)
    def thread():
        try:
            asyncio.get_running_loop()
        except RuntimeError as e:
            return d(e)
    out("thread", await loop.run_in_executor(None, thread))
    out("to_thread", await asyncio.to_thread(lambda: 5))
    t = asyncio.create_task(asyncio.sleep(0))
    out("all_tasks has new", t in asyncio.all_tasks(), len(asyncio.all_tasks()))
    t.cancel()
    out("all_tasks cancelled-not-run", t in asyncio.all_tasks())
    await asyncio.sleep(0)
    out("all_tasks after", t in asyncio.all_tasks(), t.cancelled())
    h = loop.call_later(10, print)
    out("timer", h.cancelled(), h.when() > loop.time())
    h.cancel(); h.cancel()
    out("timer", h.cancelled())
    h2 = loop.call_soon(print)
    h2.cancel()
    out("handle", h2.cancelled())
    out("is_running", loop.is_running(), loop.is_closed())
go(main())
