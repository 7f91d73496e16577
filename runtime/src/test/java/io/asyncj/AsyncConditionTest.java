package io.asyncj;

import static io.asyncj.Asyncio.createTask;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncConditionTest {

    /** {@code async with cond: await cond.wait(); trace.append(name)} with cancellation recorded. */
    static Coroutine<Object> waiter(AsyncCondition cond, List<String> trace, String name) {
        return Script.start(cond::acquire).then(v -> cond.waitAsync()).handle((v, e) -> {
            trace.add(name + (e == null ? " woke" : " cancelled") + ", locked=" + cond.locked());
            cond.release();
            if (e != null) {
                throw e;
            }
            return null;
        }).build();
    }

    @Test
    void signalWakesInFifoOrderAfterTheLockIsReleased() {
        Expect e = new Expect();
        AsyncCondition cond = new AsyncCondition();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            List<Task<Object>> ts = new ArrayList<>();
            for (String n : List.of("a", "b", "c")) {
                ts.add(createTask(waiter(cond, trace, n)));
            }
            return Script.start(() -> sleep(0)).then(v -> cond.acquire()).then(v -> {
                cond.signal(2);
                return sleep(0);
            }).then(v -> {
                e.expect(1);
                assertTrue(trace.isEmpty()); // woken, but the lock is still ours
                cond.release();
                return sleep(0);
            }).then(v -> sleep(0)).then(v -> {
                e.expect(2);
                assertEquals(List.of("a woke, locked=true", "b woke, locked=true"), trace);
                return cond.acquire();
            }).then(v -> {
                cond.signalAll();
                cond.release();
                return Asyncio.gather(new ArrayList<Awaitable<Object>>(ts));
            }).build();
        }).build());
        assertEquals(3, trace.size());
        assertEquals("c woke, locked=true", trace.get(2));
        e.finish(3);
    }

    @Test
    void signalledWaiterThatIsCancelledPassesTheSignalOn() {
        // CPython 3.13 (gh-112202): a is signalled, then cancelled before it runs; b gets the
        // signal. (3.11 loses it and b sleeps forever.) The cancelled waiter holds the lock again.
        AsyncCondition cond = new AsyncCondition();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(waiter(cond, trace, "a"));
            Task<Object> b = createTask(waiter(cond, trace, "b"));
            return Script.start(() -> sleep(0)).then(v -> cond.acquire()).then(v -> {
                cond.signal();
                a.cancel();
                cond.release();
                return Asyncio.gather(true, a, b);
            }).build();
        }).build());
        assertEquals(List.of("a cancelled, locked=true", "b woke, locked=true"), trace);
    }

    @Test
    void waiterCancelledWhileReacquiringStillEndsHoldingTheLock() {
        AsyncCondition cond = new AsyncCondition();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(waiter(cond, trace, "a"));
            return Script.start(() -> sleep(0)).then(v -> cond.acquire()).then(v -> {
                cond.signal();
                return sleep(0); // a wakes and queues for the lock, which we hold
            }).then(v -> {
                a.cancel();
                return sleep(0);
            }).then(v -> {
                assertTrue(trace.isEmpty()); // a cannot finish without the lock
                cond.release();
                return Asyncio.gather(true, a);
            }).build();
        }).build());
        assertEquals(List.of("a cancelled, locked=true"), trace);
        assertFalse(cond.locked());
    }

    @Test
    void waitForChecksThePredicateFirstAndAfterEveryWakeup() {
        AsyncCondition cond = new AsyncCondition();
        int[] items = {0};
        int[] checks = {0};
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> consumer = createTask(Script.start(cond::acquire)
                    .then(v -> cond.waitFor(() -> {
                        checks[0]++;
                        return items[0] >= 2;
                    }))
                    .then(v -> {
                        trace.add("consumer saw " + items[0] + " locked=" + cond.locked());
                        cond.release();
                        return null;
                    }).build());
            return Script.start(() -> sleep(0)).then(v -> produce(cond, items))
                    .then(v -> produce(cond, items)).then(v -> consumer).build();
        }).build());
        assertEquals(List.of("consumer saw 2 locked=true"), trace);
        assertEquals(3, checks[0]);
    }

    private static Coroutine<Object> produce(AsyncCondition cond, int[] items) {
        return Script.start(cond::acquire).then(v -> {
            items[0]++;
            cond.signal();
            cond.release();
            return sleep(0);
        }).build();
    }

    @Test
    void waitForWithATruePredicateDoesNotRelease() {
        AsyncCondition cond = new AsyncCondition();
        Loops.runVirtual(Script.start(cond::acquire).then(v -> cond.waitFor(() -> true)).then(v -> {
            assertEquals(Boolean.TRUE, v);
            assertTrue(cond.locked());
            cond.release();
            return null;
        }).build());
    }

    @Test
    void conditionsMayShareALock() {
        AsyncLock lock = new AsyncLock();
        AsyncCondition c1 = new AsyncCondition(lock);
        AsyncCondition c2 = new AsyncCondition(lock);
        Loops.runVirtual(c1.acquire());
        assertTrue(c2.locked());
        c2.release();
        assertFalse(lock.locked());
    }

    @Test
    void misuseWithoutTheLockThrows() {
        AsyncCondition cond = new AsyncCondition();
        assertEquals("cannot notify on un-acquired lock",
                assertThrows(IllegalStateException.class, cond::signal).getMessage());
        assertThrows(IllegalStateException.class, cond::signalAll);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Loops.runVirtual(cond.waitAsync()));
        assertEquals("cannot wait on un-acquired lock", e.getMessage());
        assertThrows(IllegalStateException.class, cond::release);
    }
}
