from prelude import *
import concurrent.futures

# test_futures.py's wrap_future cases, with a CompletableFuture for the concurrent.futures.Future:
# cancelling the asyncio side cancels the other unless it already finished; results, errors and
# cancellations cross over on the loop's next iteration (call_soon_threadsafe), in order with the
# loop's other callbacks. (A future already done when it is wrapped is the exception; below.)


async def main():
    loop = asyncio.get_running_loop()
    log = []
    f1 = concurrent.futures.Future()
    f2 = asyncio.wrap_future(f1)
    out("pending", f2.done(), f1.done())
    out("cancel", f2.cancel())
    await asyncio.sleep(0)
    out("wrap_future_cancel", f1.cancelled(), f2.cancelled())

    f1 = concurrent.futures.Future()
    f2 = asyncio.wrap_future(f1)
    f1.set_result(42)
    out("after set_result", f2.done())
    f2.cancel()
    await asyncio.sleep(0)
    out("wrap_future_cancel2", f1.cancelled(), f1.result(), f2.cancelled())

    f1 = concurrent.futures.Future()
    f2 = asyncio.wrap_future(f1)
    f2.add_done_callback(lambda f: log.append("f2 callback"))
    f1.set_result("r")
    loop.call_soon(log.append, "soon")
    out("result", f2.done())
    await asyncio.sleep(0)
    out("result", f2.done(), log)
    await asyncio.sleep(0)
    out("result", f2.result(), log)

    f1 = concurrent.futures.Future()
    f1.set_exception(KeyError("k"))
    # asyncj's wrapFuture of a CompletableFuture already done is done at once, on purpose (so that
    # awaiting one does not suspend); CPython's is done on the next iteration: not printed.
    f2 = asyncio.wrap_future(f1)
    try:
        await f2
    except KeyError as e:
        out("done before wrap", d(e))

    f1 = concurrent.futures.Future()
    f2 = asyncio.wrap_future(f1)
    f1.cancel()
    await asyncio.sleep(0)
    out("source cancelled", f2.cancelled(), f2.done())
    try:
        await f2
    except asyncio.CancelledError as e:
        out("source cancelled", d(e))

    ex = concurrent.futures.ThreadPoolExecutor(1)
    f1 = ex.submit(lambda: "oi")
    out("from a thread", await asyncio.wrap_future(f1))
    ex.shutdown(wait=True)


go(main())
