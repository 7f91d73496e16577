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

class AsyncBarrierTest {

    static Coroutine<Object> party(AsyncBarrier b, List<String> trace, String name) {
        return Script.start(b::waitAsync).handle((i, e) -> {
            trace.add(name + " " + (e == null ? i : e.getMessage()));
            return null;
        }).build();
    }

    @Test
    void releasesEachRoundTogetherWithArrivalIndexes() {
        // Python 3.11: [('c', 2), ('a', 0), ('b', 1), ('f', 2), ('d', 0), ('e', 1)]
        AsyncBarrier b = new AsyncBarrier(3);
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            List<Task<Object>> ts = new ArrayList<>();
            for (String n : List.of("a", "b", "c", "d", "e", "f")) {
                ts.add(createTask(party(b, trace, n)));
            }
            return Asyncio.gather(new ArrayList<Awaitable<Object>>(ts));
        }).build());
        assertEquals(List.of("c 2", "a 0", "b 1", "f 2", "d 0", "e 1"), trace);
        assertEquals(0, b.nWaiting());
        assertFalse(b.broken());
    }

    @Test
    void abortBreaksWaitersAndLaterArrivalsUntilReset() {
        // Python 3.11 prints the same trace for this program.
        AsyncBarrier b = new AsyncBarrier(3);
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(party(b, trace, "a"));
            Task<Object> bb = createTask(party(b, trace, "b"));
            return Script.start(() -> sleep(0)).then(v -> {
                assertEquals(2, b.nWaiting());
                return b.abort();
            }).then(v -> {
                assertTrue(b.broken());
                assertEquals("<AsyncBarrier [broken]>", b.toString());
                return Asyncio.gather(a, bb);
            }).then(v -> party(b, trace, "c")).then(v -> b.reset()).then(v -> {
                assertFalse(b.broken());
                Task<Object> d = createTask(party(b, trace, "d"));
                Task<Object> e = createTask(party(b, trace, "e"));
                return Script.start(() -> sleep(0)).then(x -> b.reset()).then(x -> Asyncio.gather(d, e)).build();
            }).build();
        }).build());
        assertEquals(List.of("a Abort or reset of barrier", "b Abort or reset of barrier", "c Barrier aborted",
                "d Abort or reset of barrier", "e Abort or reset of barrier"), trace);
        assertEquals("<AsyncBarrier [filling, waiters:0/3]>", b.toString());
    }

    @Test
    void cancelledWaiterLeavesTheCountConsistent() {
        AsyncBarrier b = new AsyncBarrier(2);
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Integer> a = createTask(b.waitAsync());
            return Script.start(() -> sleep(0)).then(v -> {
                assertEquals(1, b.nWaiting());
                a.cancel();
                return Asyncio.gather(true, a);
            }).then(v -> {
                assertTrue(a.isCancelled());
                assertEquals(0, b.nWaiting());
                Task<Object> c = createTask(party(b, trace, "c"));
                Task<Object> d = createTask(party(b, trace, "d"));
                return Asyncio.gather(c, d);
            }).build();
        }).build());
        assertEquals(List.of("d 1", "c 0"), trace);
    }

    @Test
    void onePartyBarrierNeverWaits() {
        AsyncBarrier b = new AsyncBarrier(1);
        assertEquals(0, Loops.runVirtual(b.waitAsync()));
        assertEquals(0, Loops.runVirtual(b.waitAsync()));
    }

    @Test
    void partiesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new AsyncBarrier(0));
        assertEquals(4, new AsyncBarrier(4).parties());
    }
}
