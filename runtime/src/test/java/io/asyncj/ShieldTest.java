package io.asyncj;

import static io.asyncj.Asyncio.shield;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShieldTest {

    private final List<String> trace = new ArrayList<>();

    @Test
    void valuePassesThrough() {
        assertEquals("v", Loops.runVirtual(Co.of(() -> shield(Co.work(trace, "inner", 1, "v")))));
    }

    @Test
    void cancellingTheAwaitingTaskLeavesTheInnerRunning() {
        // Scenario: a task awaits shield(inner) and is cancelled at t=1; the task ends cancelled at
        // once, the inner work carries on and finishes at t=5.
        Expect e = new Expect();
        Loops.runVirtual(Co.of(() -> {
            Task<String> inner = Asyncio.createTask(Co.work(trace, "inner", 5, "v"));
            Task<Object> waiter = Asyncio.createTask(Co.of(() -> shield(inner)));
            Asyncio.getRunningLoop().callLater(1, () -> {
                e.expect(1);
                assertTrue(waiter.cancel("go away"));
            });
            return Script.start(() -> waiter).handle((v, err) -> {
                e.expect(2);
                assertEquals("go away", assertInstanceOf(CancelledException.class, err).getMessage());
                assertEquals(1.0, Co.now(), 1e-9);
                assertFalse(inner.isDone());
                return inner;
            }).then(v -> {
                e.expect(3);
                assertEquals("v", v);
                return null;
            }).build();
        }));
        e.finish(4);
        assertEquals(List.of("inner start", "inner done@5.0"), trace);
    }

    @Test
    void cancellingTheOuterFutureLeavesTheInnerRunning() {
        Loops.runVirtual(Co.of(() -> {
            Future<String> inner = Asyncio.getRunningLoop().createFuture();
            Future<String> outer = shield(inner);
            assertTrue(outer.cancel());
            assertFalse(inner.isCancelled());
            inner.setResult("later"); // the outer is cancelled already: nothing to copy
            return sleep(0);
        }));
    }

    @Test
    void innerFailureReachesTheAwaiter() {
        IllegalStateException boom = new IllegalStateException("inner broke");
        Throwable seen = Loops.runVirtual(Script.<Throwable>start(() -> shield(Co.failing(trace, "inner", 1, boom)))
                .handle((v, err) -> err).build());
        assertSame(boom, seen);
    }

    @Test
    void innerCancellationCancelsTheOuter() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> inner = Asyncio.createTask(Co.work(trace, "inner", 5, "v"));
            Future<String> outer = shield(inner);
            Asyncio.getRunningLoop().callLater(1, () -> inner.cancel());
            return Script.start(() -> outer).handle((v, err) -> {
                assertInstanceOf(CancelledException.class, err);
                assertTrue(outer.isCancelled());
                return null;
            }).build();
        }));
    }

    @Test
    void doneAwaitableIsReturnedAsIs() {
        Loops.runVirtual(Co.of(() -> {
            Future<String> done = Asyncio.getRunningLoop().createFuture();
            done.setResult("v");
            assertSame(done, shield(done));
            return null;
        }));
    }

    @Test
    void coroutineIsScheduledAsATaskEvenIfTheShieldIsNeverAwaited() {
        Loops.runVirtual(Co.of(() -> {
            Future<String> outer = shield(Co.work(trace, "inner", 1, "v"));
            outer.cancel();
            return sleep(2);
        }));
        assertEquals(List.of("inner start", "inner done@1.0"), trace);
    }

    @Test
    void innerFailingRightAfterTheOuterWasCancelledIsRetrieved() {
        // Scenario: the outer is cancelled and the inner fails in the same iteration, before the
        // outer's done callback could detach the shield: the shield's inner callback still runs, and
        // marks the exception as seen (it would otherwise be reported as never retrieved).
        Loops.runVirtual(Co.of(() -> {
            Future<String> inner = Asyncio.getRunningLoop().createFuture();
            Future<String> outer = shield(inner);
            outer.cancel();
            inner.setException(new IllegalStateException("nobody looks"));
            return Script.start(() -> Asyncio.sleep(0)).then(v -> {
                assertEquals(0, inner.flags & 8, "the shield's callback looked at the exception");
                return null;
            }).build();
        }));
    }
}
