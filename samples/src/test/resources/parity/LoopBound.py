from prelude import *

# test_locks.py's test_ambiguous_loops, and the same for Event, Semaphore and Queue: a primitive
# binds to the loop it first waits on; from another loop only what does not wait still works.

lock = asyncio.Lock()
ev = asyncio.Event()
sem = asyncio.Semaphore(1)
q = asyncio.Queue()


def tail(e):
    s = str(e)
    return "RuntimeError: ..." + s[s.index(' is bound'):] if ' is bound' in s else d(e)


async def first():
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    await t
    lock.release()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    await t
    ev.clear()
    await sem.acquire()
    t = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    await t
    sem.release()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    out("first", await t)


async def second():
    out("lock fast path", await lock.acquire())
    try:
        await asyncio.wait_for(lock.acquire(), 1)
    except RuntimeError as e:
        out("lock contended", tail(e))
    lock.release()
    ev.set()
    out("event set", await ev.wait())
    ev.clear()
    try:
        await ev.wait()
    except RuntimeError as e:
        out("event wait", tail(e))
    out("sem fast path", await sem.acquire())
    try:
        await sem.acquire()
    except RuntimeError as e:
        out("sem contended", tail(e))
    q.put_nowait(2)
    out("queue nonempty", await q.get())
    try:
        await q.get()
    except RuntimeError as e:
        out("queue empty", tail(e))


go(first())
go(second())
