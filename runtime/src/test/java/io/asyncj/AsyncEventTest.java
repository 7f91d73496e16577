package io.asyncj;

import static io.asyncj.Asyncio.createTask;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncEventTest {

    @Test
    void setWakesEveryWaiterEvenIfClearedAgainAtOnce() {
        // Python: [('a', True), ('b', True)] False
        AsyncEvent ev = new AsyncEvent();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> a = createTask(Script.start(ev::waitAsync).then(r -> trace.add("a " + r)).build());
            Task<Object> b = createTask(Script.start(ev::waitAsync).then(r -> trace.add("b " + r)).build());
            return Script.start(() -> sleep(0)).then(v -> {
                assertTrue(trace.isEmpty());
                ev.set();
                ev.clear();
                return Asyncio.gather(a, b);
            }).build();
        }).build());
        assertEquals(List.of("a true", "b true"), trace);
        assertFalse(ev.isSet());
    }

    @Test
    void waitOnASetEventDoesNotSuspend() {
        Expect e = new Expect();
        AsyncEvent ev = new AsyncEvent();
        ev.set();
        SelectorEventLoop loop = Loops.virtual();
        loop.runUntilComplete(Script.start(() -> {
            loop.callSoon(() -> e.expect(2));
            return ev.waitAsync();
        }).then(v -> {
            e.expect(1);
            return sleep(0);
        }).build());
        e.finish(3);
        loop.close();
    }

    @Test
    void cancelledWaiterLeavesAndOthersStillWake() {
        AsyncEvent ev = new AsyncEvent();
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Boolean> a = createTask(ev.waitAsync());
            Task<Object> b = createTask(Script.start(ev::waitAsync).then(r -> trace.add("b " + r)).build());
            return Script.start(() -> sleep(0)).then(v -> {
                a.cancel();
                return sleep(0);
            }).then(v -> {
                assertTrue(a.isCancelled());
                assertEquals("<AsyncEvent [unset, waiters:1]>", ev.toString());
                ev.set();
                return b;
            }).build();
        }).build());
        assertEquals(List.of("b true"), trace);
        assertEquals("<AsyncEvent [set]>", ev.toString());
    }

    @Test
    void waitTimesOutOnVirtualTime() {
        AsyncEvent ev = new AsyncEvent();
        SelectorEventLoop loop = Loops.virtual();
        double start = loop.time();
        Object r = loop.runUntilComplete(Script.start(() -> Asyncio.waitFor(ev.waitAsync(), 5.0))
                .handle((v, e) -> e.getClass().getSimpleName()).build());
        assertEquals("AsyncTimeoutException", r);
        assertEquals(5.0, loop.time() - start, 1e-6);
        loop.close();
    }
}
