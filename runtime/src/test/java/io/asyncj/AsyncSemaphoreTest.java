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

class AsyncSemaphoreTest {

    /** Acquires, holds for {@code hold} seconds (virtual time), releases; records each step. */
    static Coroutine<Object> worker(AsyncSemaphore sem, List<String> trace, String name, double hold) {
        return Script.start(sem::acquire).handle((v, e) -> {
            if (e != null) {
                trace.add(name + " cancelled");
                throw e;
            }
            trace.add(name + " in");
            return sleep(hold);
        }).then(v -> {
            trace.add(name + " out");
            sem.release();
            return null;
        }).build();
    }

    @Test
    void limitsConcurrencyInFifoOrder() {
        // Python 3.11 and 3.13 print this trace for Semaphore(2), holds a1 b2.5 c1 d1 e1, c cancelled.
        AsyncSemaphore sem = new AsyncSemaphore(2);
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            List<Task<Object>> ts = new ArrayList<>();
            String[] names = {"a", "b", "c", "d", "e"};
            double[] holds = {1, 2.5, 1, 1, 1};
            for (int i = 0; i < names.length; i++) {
                ts.add(createTask(worker(sem, trace, names[i], holds[i])));
            }
            return Script.start(() -> sleep(0)).then(v -> {
                ts.get(2).cancel();
                return Asyncio.gather(true, new ArrayList<Awaitable<?>>(ts));
            }).build();
        }).build());
        assertEquals(List.of("a in", "b in", "c cancelled", "a out", "d in", "d out", "e in", "b out", "e out"), trace);
        assertEquals(2, sem.value());
    }

    @Test
    void permitOfAWokenWaiterCancelledBeforeItRunsGoesToTheNext() {
        // Python: ['a cancelled', 'b in'], value 0.
        AsyncSemaphore sem = new AsyncSemaphore(0);
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(worker(sem, trace, "a", 0));
            Task<Object> b = createTask(Script.start(sem::acquire).then(v -> trace.add("b in")).build());
            return Script.start(() -> sleep(0)).then(v -> {
                sem.release(); // hands the permit to a
                a.cancel();    // before a runs
                return Asyncio.gather(true, a, b);
            }).build();
        }).build());
        assertEquals(List.of("a cancelled", "b in"), trace);
        assertEquals(0, sem.value());
        assertTrue(sem.locked());
    }

    @Test
    void newcomerQueuesBehindWokenWaitersEvenWithFreePermits() {
        // Python: ['a', 'b'] value 0 locked, then ['a', 'b', 'c', 'd'] value 0.
        AsyncSemaphore sem = new AsyncSemaphore(0);
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            List<Task<Object>> ts = new ArrayList<>();
            for (String n : List.of("a", "b", "c")) {
                ts.add(createTask(Script.start(sem::acquire).then(v -> trace.add(n)).build()));
            }
            return Script.start(() -> sleep(0)).then(v -> {
                sem.release();
                sem.release();
                ts.add(createTask(Script.start(sem::acquire).then(x -> trace.add("d")).build()));
                return sleep(0);
            }).then(v -> sleep(0)).then(v -> {
                assertEquals(List.of("a", "b"), trace);
                assertEquals(0, sem.value());
                assertTrue(sem.locked());
                sem.release();
                sem.release();
                return Asyncio.gather(new ArrayList<Awaitable<Object>>(ts));
            }).build();
        }).build());
        assertEquals(List.of("a", "b", "c", "d"), trace);
        assertEquals(0, sem.value());
    }

    @Test
    void acquireWithAFreePermitDoesNotSuspend() {
        Expect e = new Expect();
        AsyncSemaphore sem = new AsyncSemaphore(1);
        SelectorEventLoop loop = Loops.virtual();
        loop.runUntilComplete(Script.start(() -> {
            loop.callSoon(() -> e.expect(2));
            return sem.acquire();
        }).then(v -> {
            e.expect(1);
            assertTrue(sem.locked());
            return sleep(0);
        }).build());
        e.finish(3);
        loop.close();
    }

    @Test
    void negativeInitialValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AsyncSemaphore(-1));
    }

    @Test
    void plainSemaphoreMayBeReleasedAboveItsInitialValue() {
        AsyncSemaphore sem = new AsyncSemaphore(1);
        sem.release();
        assertEquals(2, sem.value());
        assertFalse(sem.locked());
    }

    @Test
    void boundedSemaphoreRefusesTooManyReleases() {
        AsyncBoundedSemaphore sem = new AsyncBoundedSemaphore(2);
        Loops.runVirtual(sem.acquire());
        sem.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertEquals("BoundedSemaphore released too many times", e.getMessage());
        assertEquals(2, sem.value());
    }

    @Test
    void toStringShowsValue() {
        AsyncSemaphore sem = new AsyncSemaphore(3);
        assertEquals("<AsyncSemaphore [unlocked, value:3]>", sem.toString());
        assertEquals("<AsyncBoundedSemaphore [locked]>", new AsyncBoundedSemaphore(0).toString());
    }
}
