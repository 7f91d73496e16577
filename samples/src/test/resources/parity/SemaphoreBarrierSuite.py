from prelude import *

# Cases ported from CPython 3.11's test_locks.py: SemaphoreTests and BarrierTests. Where the
# original counts results, this prints them in the order they happened, and which task did what.
# Private state (_waiters) is read through the repr's bracket.


def br(x):
    r = repr(x)
    return r[r.index('['):r.index(']') + 1]


log = []


async def sem_repr():
    sem = asyncio.Semaphore()
    out("sem_repr", br(sem))
    await sem.acquire()
    out("sem_repr", br(sem))
    t = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    out("sem_repr", br(sem))
    sem.release()
    await t
    out("sem_repr", br(sem), sem.locked())
    out("initial_value_zero", asyncio.Semaphore(0).locked(), br(asyncio.Semaphore(0)))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        out("semaphore_value", d(e))


async def sem_acquire():
    sem = asyncio.Semaphore(3)
    result = []
    out("sem_acquire", await sem.acquire(), await sem.acquire(), sem.locked())

    async def c(n):
        await sem.acquire()
        result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    out("sem_acquire", result, sem.locked(), br(sem))
    t4 = asyncio.create_task(c(4))
    sem.release()
    sem.release()
    out("sem_acquire", br(sem))
    await asyncio.sleep(0)
    out("sem_acquire", result, sem.locked(), br(sem))
    out("sem_acquire", [t.done() for t in (t1, t2, t3, t4)])
    sem.release()
    out("sem_acquire", await asyncio.gather(t2, t3, t4), result)


async def sem_acquire_cancel():
    sem = asyncio.Semaphore()
    await sem.acquire()
    acquire = asyncio.create_task(sem.acquire())
    asyncio.get_running_loop().call_soon(acquire.cancel)
    try:
        await acquire
    except asyncio.CancelledError as e:
        out("sem_acquire_cancel", d(e), br(sem))


async def sem_acquire_cancel_before_awoken():
    sem = asyncio.Semaphore(value=0)
    ts = [asyncio.create_task(sem.acquire()) for _ in range(4)]
    await asyncio.sleep(0)
    ts[0].cancel()
    ts[1].cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    out("cancel_before_awoken", [t.done() for t in ts], br(sem))
    ts[2].cancel()
    ts[3].cancel()
    await asyncio.sleep(0)
    out("cancel_before_awoken", [t.cancelled() for t in ts], br(sem))


async def sem_acquire_hang():
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    out("acquire_hang", sem.locked(), t2.done(), br(sem))


async def sem_acquire_no_hang():
    sem = asyncio.Semaphore(1)
    box = []

    async def c1():
        async with sem:
            await asyncio.sleep(0)
        box[0].cancel()

    async def c2():
        async with sem:
            out("acquire_no_hang", "c2 got it")

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    box.append(t2)
    r = await asyncio.gather(t1, t2, return_exceptions=True)
    out("acquire_no_hang", r, br(sem))
    out("acquire_no_hang", await asyncio.wait_for(sem.acquire(), timeout=1.0))


async def sem_bounded():
    sem = asyncio.BoundedSemaphore()
    try:
        sem.release()
    except ValueError as e:
        out("release_not_acquired", d(e))
    sem = asyncio.Semaphore()
    await sem.acquire()
    out("release_no_waiters", sem.locked())
    sem.release()
    out("release_no_waiters", sem.locked())


async def sem_fifo():
    sem = asyncio.Semaphore(1)
    result = []

    async def coro(tag):
        await sem.acquire()
        result.append(f'{tag}_1')
        await asyncio.sleep(0.01)
        sem.release()
        await sem.acquire()
        result.append(f'{tag}_2')
        await asyncio.sleep(0.01)
        sem.release()

    async with asyncio.TaskGroup() as tg:
        tg.create_task(coro('c1'))
        tg.create_task(coro('c2'))
        tg.create_task(coro('c3'))
    out("fifo_order", result)


async def sem_fifo_2():
    sem = asyncio.Semaphore(1)
    result = []

    async def c1():
        await sem.acquire()
        result.append(1)
        return True

    async def c2():
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
        return True

    async def c3():
        await sem.acquire()
        result.append(3)
        return True

    tasks = [asyncio.create_task(c1()), asyncio.create_task(c2()), asyncio.create_task(c3())]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    out("fifo_order_2", await asyncio.gather(*tasks), result)


async def sem_fifo_3():
    sem = asyncio.Semaphore(0)
    result = []

    async def c(n):
        await sem.acquire()
        result.append(n)
        return True

    tasks = [asyncio.create_task(c(n)) for n in (1, 2, 3)]
    await asyncio.sleep(0)
    tasks[0].cancel()
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    r = await asyncio.gather(*tasks, return_exceptions=True)
    out("fifo_order_3", r, result)


async def bwait(barrier, name):
    i = await barrier.wait()
    log.append(f"{name}:{i}")
    return i


async def barrier_repr():
    N = 5
    barrier = asyncio.Barrier(N)
    out("barrier_repr", br(barrier))
    waiters = []
    for i in range(2):
        waiters.append(asyncio.create_task(barrier.wait()))
    await asyncio.sleep(0)
    out("barrier_repr", br(barrier))
    for i in range(barrier.parties - barrier.n_waiting):
        waiters.append(asyncio.create_task(barrier.wait()))
    await asyncio.sleep(0)
    out("barrier_repr", br(barrier), barrier.n_waiting)
    for i in range(2):
        waiters.append(asyncio.create_task(barrier.wait()))
    await asyncio.sleep(0)
    await barrier.reset()
    out("barrier_repr", br(barrier))
    for i in range(2):
        waiters.append(asyncio.create_task(barrier.wait()))
    await asyncio.sleep(0)
    await barrier.abort()
    out("barrier_repr", br(barrier), barrier.broken)
    r = await asyncio.gather(*waiters, return_exceptions=True)
    out("barrier_repr", r)
    for n in (0, -4):
        try:
            asyncio.Barrier(n)
        except ValueError as e:
            out("barrier_parties", d(e))


async def barrier_filling():
    barrier = asyncio.Barrier(1)
    out("filling_one_task", await barrier.wait(), barrier.n_waiting, barrier.broken)
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    out("filling_one_task_twice", barrier.n_waiting)
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    out("filling_one_task_twice", t1.result(), t2.result(), t1.done(), t2.done(), barrier.n_waiting, barrier.broken)
    barrier = asyncio.Barrier(3)
    ts = []
    for n in range(3):
        ts.append(asyncio.create_task(barrier.wait()))
        await asyncio.sleep(0)
        out("filling_task_by_task", barrier.n_waiting, br(barrier))
    await asyncio.wait(ts)
    out("filling_task_by_task", [t.result() for t in ts], barrier.n_waiting, br(barrier))


async def barrier_twice():
    N = 5
    barrier = asyncio.Barrier(N)
    log.clear()

    async def coro(n):
        i = await barrier.wait()
        log.append(f"{n}:first:{i}:{'draining' in repr(barrier)}")
        j = await barrier.wait()
        log.append(f"{n}:second:{j}")
        return j

    res = await asyncio.gather(*[asyncio.create_task(coro(n)) for n in range(N)])
    out("wait_twice", res, barrier.n_waiting, barrier.broken)
    out("wait_twice", log)


async def barrier_blocking_while_draining():
    N = 5
    rewait = [2]
    barrier = asyncio.Barrier(N)
    barrier_nowaiting = asyncio.Barrier(N - 2)
    log.clear()

    async def coro(n):
        log.append(f"{n}:a:{await barrier.wait()}")
        if rewait[0] > 0:
            rewait[0] -= 1
            log.append(f"{n}:b:{await barrier.wait()}")
        else:
            log.append(f"{n}:nw:{await barrier_nowaiting.wait()}")
            log.append(f"{n}:c:{await barrier.wait()}")

    await asyncio.gather(*[asyncio.create_task(coro(n)) for n in range(N)])
    out("blocking_while_draining", log)


async def barrier_cancel_one():
    barrier = asyncio.Barrier(3)
    log.clear()

    async def coro(n):
        i = await barrier.wait()
        log.append(f"{n}:{i}")

    t1 = asyncio.create_task(coro(1))
    await asyncio.sleep(0)
    out("cancel_one", barrier.n_waiting)
    t2 = asyncio.create_task(coro(2))
    await asyncio.sleep(0)
    out("cancel_one", barrier.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    out("cancel_one", barrier.n_waiting)
    try:
        await t1
    except asyncio.CancelledError as e:
        out("cancel_one", d(e), t1.cancelled())
    t3 = asyncio.create_task(coro(3))
    await asyncio.sleep(0)
    out("cancel_one", barrier.n_waiting)
    t4 = asyncio.create_task(coro(4))
    await asyncio.gather(t2, t3, t4)
    out("cancel_one", log, barrier.n_waiting, barrier.broken)


async def barrier_reset():
    N = 5
    barrier = asyncio.Barrier(1)
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    out("reset_barrier", barrier.n_waiting, barrier.broken)

    barrier = asyncio.Barrier(N)
    log.clear()

    async def coro(n):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            log.append(f"{n}:{d(e)}")

    tasks = [asyncio.create_task(coro(n)) for n in range(N - 1)]
    await asyncio.sleep(0)
    asyncio.create_task(barrier.reset())
    await asyncio.gather(*tasks)
    out("reset_while_waiting", log, barrier.n_waiting, br(barrier), barrier.broken)


async def barrier_reset_half_draining_half_blocking():
    N = 5
    barrier = asyncio.Barrier(N)
    blocking_tasks = N // 2
    count = [0]
    log.clear()

    async def coro(n):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            log.append(f"{n}:broken1")
            log.append(f"{n}:w:{await barrier.wait()}")
        else:
            count[0] += 1
            if count[0] > blocking_tasks:
                log.append(f"{n}:reset")
                await barrier.reset()
                log.append(f"{n}:w:{await barrier.wait()}")
            else:
                try:
                    log.append(f"{n}:w:{await barrier.wait()}")
                except asyncio.BrokenBarrierError:
                    log.append(f"{n}:broken2")

    await asyncio.gather(*[asyncio.create_task(coro(n)) for n in range(N)])
    out("half_draining_half_blocking", log, barrier.n_waiting, br(barrier), barrier.broken)


async def barrier_reset_waiting_again():
    N = 5
    barrier = asyncio.Barrier(N)
    log.clear()

    async def coro1(n):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            log.append(f"{n}:broken")
        finally:
            log.append(f"{n}:w:{await barrier.wait()}")

    async def coro2():
        async with barrier as i:
            log.append(f"c2:w:{i}")

    tasks = [asyncio.create_task(coro1(n)) for n in range(N - 1)]
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    t = asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    await t
    out("reset_waiting_again", log, barrier.broken, barrier.n_waiting)


async def barrier_reset_while_draining():
    N = 5
    barrier = asyncio.Barrier(N)
    count = [0]
    log.clear()

    async def coro(n):
        i = await barrier.wait()
        count[0] += 1
        if count[0] == N:
            log.append(f"{n}:reset")
            await barrier.reset()
            log.append(f"{n}:w2:{await barrier.wait()}")
        else:
            try:
                log.append(f"{n}:w2:{await barrier.wait()}")
            except Exception as e:
                log.append(f"{n}:{d(e)}")
        log.append(f"{n}:w3:{await barrier.wait()}")

    await asyncio.gather(*[asyncio.create_task(coro(n)) for n in range(N)])
    out("reset_while_draining", log, barrier.broken, barrier.n_waiting)


async def barrier_abort():
    N = 5
    barrier = asyncio.Barrier(1)
    asyncio.create_task(barrier.abort())
    await asyncio.sleep(0)
    out("abort_barrier", barrier.n_waiting, barrier.broken, br(barrier))

    barrier = asyncio.Barrier(N)
    blocking_tasks = N // 2
    count = [0]
    log.clear()

    async def coro(n):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            log.append(f"{n}:broken1")
        else:
            count[0] += 1
            if count[0] > blocking_tasks:
                log.append(f"{n}:abort")
                await barrier.abort()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError:
                    log.append(f"{n}:broken2")

    await asyncio.gather(*[asyncio.create_task(coro(n)) for n in range(N)])
    out("abort_half_draining", log, barrier.broken, barrier.n_waiting, br(barrier))


async def barrier_abort_when_exception():
    N = 5
    barrier = asyncio.Barrier(N)
    log.clear()

    async def coro(n):
        try:
            async with barrier as i:
                if i == N // 2:
                    raise RuntimeError
            async with barrier:
                log.append(f"{n}:passed")
        except asyncio.BrokenBarrierError:
            log.append(f"{n}:broken")
        except RuntimeError:
            log.append(f"{n}:abort")
            await barrier.abort()

    await asyncio.gather(*[asyncio.create_task(coro(n)) for n in range(N)])
    out("abort_when_exception", log, barrier.broken, barrier.n_waiting)


async def barrier_abort_then_reset():
    N = 5
    barrier1 = asyncio.Barrier(N)
    barrier2 = asyncio.Barrier(N)
    log.clear()

    async def coro(n):
        try:
            i = await barrier1.wait()
            if i == N // 2:
                raise RuntimeError
            await barrier1.wait()
            log.append(f"{n}:passed")
        except asyncio.BrokenBarrierError:
            log.append(f"{n}:broken")
        except RuntimeError:
            log.append(f"{n}:abort")
            await barrier1.abort()
        i = await barrier2.wait()
        if i == N // 2:
            log.append(f"{n}:reset")
            await barrier1.reset()
        await barrier2.wait()
        log.append(f"{n}:w:{await barrier1.wait()}")

    await asyncio.gather(*[asyncio.create_task(coro(n)) for n in range(N)])
    out("abort_then_reset", log, barrier1.broken, barrier1.n_waiting)


async def main():
    for t in (sem_repr, sem_acquire, sem_acquire_cancel, sem_acquire_cancel_before_awoken,
              sem_acquire_hang, sem_acquire_no_hang, sem_bounded, sem_fifo, sem_fifo_2, sem_fifo_3,
              barrier_repr, barrier_filling, barrier_twice, barrier_blocking_while_draining,
              barrier_cancel_one, barrier_reset, barrier_reset_half_draining_half_blocking,
              barrier_reset_waiting_again, barrier_reset_while_draining, barrier_abort,
              barrier_abort_when_exception, barrier_abort_then_reset):
        await t()


go(main())
