package io.asyncj;

import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncLockTest {

    /** A task that acquires {@code lock}, records it, and releases it. */
    static Coroutine<Object> takeAndRelease(AsyncLock lock, List<String> trace, String name) {
        return Script.start(lock::acquire).handle((v, e) -> {
            if (e != null) {
                trace.add(name + " " + e.getClass().getSimpleName());
                throw e;
            }
            trace.add(name + " got");
            lock.release();
            return null;
        }).build();
    }

    @Test
    void acquireOfAFreeLockDoesNotSuspend() {
        Expect e = new Expect();
        AsyncLock lock = new AsyncLock();
        SelectorEventLoop loop = Loops.virtual();
        loop.runUntilComplete(Script.start(() -> {
            e.expect(1);
            loop.callSoon(() -> e.expect(3)); // runs only if the task gives up the loop
            return lock.acquire();
        }).then(v -> {
            e.expect(2);
            assertEquals(Boolean.TRUE, v);
            assertTrue(lock.locked());
            lock.release();
            assertFalse(lock.locked());
            return sleep(0);
        }).build());
        e.finish(4);
        loop.close();
    }

    @Test
    void waitersAcquireInFifoOrder() {
        AsyncLock lock = new AsyncLock();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(lock::acquire).then(v -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (String n : List.of("a", "b", "c")) {
                tasks.add(Asyncio.createTask(takeAndRelease(lock, trace, n)));
            }
            return Script.start(() -> sleep(0)).then(x -> {
                assertTrue(trace.isEmpty());
                lock.release();
                return Asyncio.gather(tasks);
            }).build();
        }).build());
        assertEquals(List.of("a got", "b got", "c got"), trace);
        assertFalse(lock.locked());
    }

    @Test
    void cancelledWaiterDoesNotLeaveTheNextAsleep() {
        // B and C wait; B is cancelled while still waiting; the release must reach C.
        AsyncLock lock = new AsyncLock();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(lock::acquire).then(v -> {
            Task<Object> b = Asyncio.createTask(takeAndRelease(lock, trace, "b"));
            Task<Object> c = Asyncio.createTask(takeAndRelease(lock, trace, "c"));
            return Script.start(() -> sleep(0)).then(x -> {
                b.cancel();
                return sleep(0);
            }).then(x -> {
                lock.release();
                return Asyncio.gather(true, b, c);
            }).build();
        }).build());
        assertEquals(List.of("b CancelledException", "c got"), trace);
    }

    @Test
    void wokenWaiterCancelledBeforeItRunsWakesTheNext() {
        // Python 3.11: ['b cancelled', 'c got', 'd got']. B is woken by release() and cancelled
        // before it runs; D arrives meanwhile but queues behind C (no barging while B is woken).
        AsyncLock lock = new AsyncLock();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(lock::acquire).then(v -> {
            Task<Object> b = Asyncio.createTask(takeAndRelease(lock, trace, "b"));
            Task<Object> c = Asyncio.createTask(takeAndRelease(lock, trace, "c"));
            return Script.start(() -> sleep(0)).then(x -> {
                lock.release();
                assertTrue(b.cancel());
                Task<Object> d = Asyncio.createTask(takeAndRelease(lock, trace, "d"));
                return Script.start(() -> sleep(0)).then(y -> Asyncio.gather(true, b, c, d)).build();
            }).build();
        }).build());
        assertEquals(List.of("b CancelledException", "c got", "d got"), trace);
        assertFalse(lock.locked());
    }

    @Test
    void newcomerQueuesBehindAWokenWaiter() {
        Expect e = new Expect();
        AsyncLock lock = new AsyncLock();
        Loops.runVirtual(Script.start(lock::acquire).then(v -> {
            Task<Object> b = Asyncio.createTask(Script.start(lock::acquire).then(x -> {
                e.expect(2);
                lock.release();
                return null;
            }).build());
            return Script.start(() -> sleep(0)).then(x -> {
                lock.release(); // wakes b
                assertFalse(lock.locked());
                e.expect(1);
                return lock.acquire(); // must not barge past b
            }).then(x -> {
                e.expect(3);
                lock.release();
                return b;
            }).build();
        }).build());
        e.finish(4);
    }

    @Test
    void onlyCancelledWaitersDoNotBlockAnAcquire() {
        AsyncLock lock = new AsyncLock();
        Loops.runVirtual(Script.start(lock::acquire).then(v -> {
            Task<Boolean> b = Asyncio.createTask(lock.acquire());
            return Script.start(() -> sleep(0)).then(x -> {
                b.cancel(); // b's waiter future is cancelled; b has not run yet
                lock.release();
                return lock.acquire(); // free, and the only waiter is cancelled: no wait
            }).then(x -> {
                assertTrue(lock.locked());
                return Asyncio.gather(true, b);
            }).then(r -> {
                assertTrue(b.isCancelled());
                lock.release();
                return null;
            }).build();
        }).build());
    }

    @Test
    void acquireIsColdUntilAwaited() {
        AsyncLock lock = new AsyncLock();
        Coroutine<Boolean> c = lock.acquire();
        assertFalse(lock.locked());
        Loops.runVirtual(c);
        assertTrue(lock.locked());
    }

    @Test
    void releaseOfAnUnlockedLockThrows() {
        AsyncLock lock = new AsyncLock();
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("Lock is not acquired.", e.getMessage());
    }

    @Test
    void lockIsBoundToTheFirstLoopItWaitsOn() {
        AsyncLock lock = new AsyncLock();
        SelectorEventLoop first = Loops.virtual();
        first.runUntilComplete(lock.acquire());
        Task<Boolean> waiting = first.createTask(lock.acquire());
        first.runUntilComplete(sleep(0)); // parks on a future of the first loop
        assertFalse(waiting.isDone());
        SelectorEventLoop second = Loops.virtual();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.runUntilComplete(lock.acquire()));
        assertTrue(e.getMessage().contains("bound to a different event loop"), e.getMessage());
        second.close();
        lock.release();
        assertTrue(first.runUntilComplete(waiting));
        first.close();
    }

    @Test
    void toStringShowsStateAndWaiters() {
        AsyncLock lock = new AsyncLock();
        assertEquals("<AsyncLock [unlocked]>", lock.toString());
        Loops.runVirtual(Script.start(lock::acquire).then(v -> {
            Task<Boolean> b = Asyncio.createTask(lock.acquire());
            return Script.start(() -> sleep(0)).then(x -> {
                assertEquals("<AsyncLock [locked, waiters:1]>", lock.toString());
                lock.release();
                return b;
            }).build();
        }).build());
    }
}
