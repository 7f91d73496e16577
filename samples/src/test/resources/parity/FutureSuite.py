from prelude import *

# Cases ported from CPython 3.11's test_futures.py (BaseFutureTests' states, cancel messages and
# reprs; BaseFutureDoneCallbackTests). remove_done_callback returns a count in asyncio and a
# boolean in asyncj (the pinned API): the twin prints count > 0. Reprs with an exception or
# callbacks are left out (Java's exception text; CPython's callback source positions).


def attempt(name, f):
    try:
        out(name, f())
    except BaseException as e:
        out(name, "raised", d(e))


async def states():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    out("initial_state", f.cancelled(), f.done())
    f.cancel()
    out("initial_state", f.cancelled(), f.done())

    f = loop.create_future()
    out("cancel", f.cancel(), f.cancelled(), f.done())
    attempt("cancel result", f.result)
    attempt("cancel exception", f.exception)
    attempt("cancel set_result", lambda: f.set_result(None))
    attempt("cancel set_exception", lambda: f.set_exception(RuntimeError()))
    out("cancel", f.cancel())

    f = loop.create_future()
    attempt("result pending", f.result)
    attempt("exception pending", f.exception)
    f.set_result(42)
    out("result", f.cancelled(), f.done(), f.result(), f.exception())
    attempt("result set_result", lambda: f.set_result(None))
    attempt("result set_exception", lambda: f.set_exception(RuntimeError()))
    out("result", f.cancel())

    f = loop.create_future()
    exc = RuntimeError("boom")
    f.set_exception(exc)
    out("exception", f.cancelled(), f.done(), f.exception() is exc)
    attempt("exception result", f.result)
    attempt("exception set_result", lambda: f.set_result(None))
    out("exception", f.cancel())

    f = loop.create_future()
    f.cancel('my message')
    try:
        await f
    except asyncio.CancelledError as e:
        out("cancel_message", d(e))
    attempt("cancel_message result", f.result)
    attempt("cancel_message exception", f.exception)
    out("cancel_message", f.cancel("other"))

    f = loop.create_future()
    f.cancel()
    f.cancel('second')
    attempt("cancel twice", f.result)

    out("repr", repr(loop.create_future()))
    f = loop.create_future()
    f.cancel()
    out("repr", repr(f))
    f = loop.create_future()
    f.set_result(4)
    out("repr", repr(f))


async def callbacks():
    loop = asyncio.get_running_loop()

    def make(bag, thing):
        def bag_appender(future):
            bag.append(thing)
        return bag_appender

    for name, removes in (("remove_first", (0, 0)), ("remove_first_and_second", (0, 1, 0)),
                          ("remove_third", (2, 2))):
        bag = []
        f = loop.create_future()
        cbs = [make(bag, 42), make(bag, 17), make(bag, 100)]
        for cb in cbs:
            f.add_done_callback(cb)
        removed = [f.remove_done_callback(cbs[i]) > 0 for i in removes]
        f.set_result('foo')
        out(name, bag, removed)
        await asyncio.sleep(0)
        out(name, bag, f.result())

    bag = []
    f = loop.create_future()
    f.add_done_callback(make(bag, 42))
    f.add_done_callback(make(bag, 17))
    f.set_result('foo')
    await asyncio.sleep(0)
    out("invoked_on_set_result", bag)

    bag = []
    f = loop.create_future()
    f.add_done_callback(make(bag, 100))
    f.set_exception(RuntimeError())
    await asyncio.sleep(0)
    out("invoked_on_set_exception", bag, d(f.exception()))

    bag = []
    f = loop.create_future()
    cb1, cb2, cb3 = make(bag, 1), make(bag, 2), make(bag, 3)
    f.add_done_callback(cb1)
    f.add_done_callback(cb2)
    r = [f.remove_done_callback(cb2) > 0, f.remove_done_callback(cb3) > 0]
    f.add_done_callback(cb2)
    for i in range(5):
        f.add_done_callback(cb1)
    r.append(f.remove_done_callback(cb1) > 0)
    f.set_result('foo')
    await asyncio.sleep(0)
    out("remove_done_callback", r, bag)

    # a callback that removes later ones while the callbacks are being scheduled
    bag = []
    f = loop.create_future()
    c2 = make(bag, 2)

    def mut(fut):
        bag.append(f"mut {fut.remove_done_callback(c2) > 0}")

    f.add_done_callback(mut)
    f.add_done_callback(c2)
    f.add_done_callback(c2)
    f.set_result(1)
    await asyncio.sleep(0)
    out("schedule_callbacks_list_mutation", bag)

    # callbacks added to a done future are scheduled at once, in order, after the earlier ones
    bag = []
    f = loop.create_future()
    f.add_done_callback(make(bag, 'a'))
    f.set_result(1)
    f.add_done_callback(make(bag, 'b'))
    loop.call_soon(bag.append, 'soon')
    f.add_done_callback(make(bag, 'c'))
    out("done then add", bag, f.remove_done_callback(make(bag, 'x')) > 0)
    await asyncio.sleep(0)
    out("done then add", bag)

    # a callback that raises: the others still run; the handler sees it
    bag = []
    seen = []
    loop.set_exception_handler(lambda l, ctx: seen.append(d(ctx.get('exception'))))
    f = loop.create_future()

    def bad(fut):
        raise ZeroDivisionError("division by zero")

    f.add_done_callback(bad)
    f.add_done_callback(make(bag, 'after'))
    f.set_result(1)
    await asyncio.sleep(0)
    out("raising callback", bag, seen)
    loop.set_exception_handler(None)


async def main():
    await states()
    await callbacks()


go(main())
