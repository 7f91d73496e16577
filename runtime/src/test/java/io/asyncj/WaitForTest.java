package io.asyncj;

import static io.asyncj.Asyncio.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio 3.12+ {@code wait_for}: a timeout is delivered as a cancellation, then AsyncTimeoutException. */
class WaitForTest {

    private final List<String> trace = new ArrayList<>();

    @Test
    void valueArrivesWithinTheTimeout() {
        assertEquals("v", Loops.runVirtual(Co.of(() -> waitFor(Co.work(trace, "a", 1, "v"), 2))));
        assertEquals(List.of("a start", "a done@1.0"), trace);
    }

    @Test
    void noTimeoutWaitsAsLongAsItTakes() {
        assertEquals("v", Loops.runVirtual(Co.of(() -> waitFor(Co.work(trace, "a", 1000, "v"), (Duration) null))));
    }

    @Test
    void coroutineTimesOutAsACancellationThenAsyncTimeoutException() {
        // Scenario: the coroutine runs inline in the waiting task; at t=1 the task is cancelled, the
        // coroutine sees CancelledException at its await, and the waiter gets AsyncTimeoutException
        // whose cause is that cancellation.
        Expect e = new Expect();
        Loops.runVirtual(Script.start(() -> waitFor(Co.work(trace, "a", 5, "v"), 1)).handle((v, err) -> {
            e.expect(1);
            AsyncTimeoutException te = assertInstanceOf(AsyncTimeoutException.class, err);
            assertInstanceOf(CancelledException.class, te.getCause());
            assertEquals(1.0, Co.now(), 1e-9);
            assertEquals(0, Asyncio.currentTask().cancelling(), "the timeout's cancellation was withdrawn");
            return Asyncio.sleep(1);
        }).then(v -> {
            e.expect(2); // the task is not cancelled later
            return null;
        }).build());
        e.finish(3);
        assertEquals(List.of("a start", "a cancelled"), trace);
    }

    @Test
    void taskTimesOutAndIsCancelled() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> t = Asyncio.createTask(Co.work(trace, "t", 5, "v"));
            return Script.start(() -> waitFor(t, Duration.ofSeconds(1))).handle((v, err) -> {
                assertInstanceOf(AsyncTimeoutException.class, err);
                assertTrue(t.isCancelled());
                return null;
            }).build();
        }));
        assertEquals(List.of("t start", "t cancelled"), trace);
    }

    @Test
    void workSwallowingTheCancellationReturnsItsValue() {
        String r = Loops.runVirtual(Co.of(() -> waitFor(Asyncio.createTask(Co.stubborn(trace, "s", 5, "kept")), 1)));
        assertEquals("kept", r);
        assertEquals(List.of("s start", "s swallowed cancelled@1.0"), trace);
    }

    @Test
    void failurePassesThroughUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        Throwable seen = Loops.runVirtual(Script.<Throwable>start(() -> waitFor(Co.failing(trace, "f", 1, boom), 5))
                .handle((v, err) -> err).build());
        assertSame(boom, seen);
    }

    @Test
    void zeroTimeoutOnADoneFutureReturnsItsValue() {
        assertEquals("v", Loops.runVirtual(Co.of(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            f.setResult("v");
            return waitFor(f, 0);
        })));
    }

    @Test
    void zeroTimeoutCancelsPendingWorkWithoutGivingItTime() {
        Expect e = new Expect();
        Loops.runVirtual(Script.start(() -> waitFor(Co.work(trace, "never", 1, "v"), 0)).handle((v, err) -> {
            e.expect(1);
            AsyncTimeoutException te = assertInstanceOf(AsyncTimeoutException.class, err);
            assertInstanceOf(CancelledException.class, te.getCause());
            assertEquals(0.0, Co.now(), 1e-9);
            return null;
        }).build());
        e.finish(2);
        assertEquals(List.of(), trace, "the coroutine's task was cancelled before its first step");
    }

    @Test
    void negativeTimeoutBehavesLikeZero() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> t = Asyncio.createTask(Co.work(trace, "t", 1, "v"));
            return Script.start(() -> waitFor(t, -5)).handle((v, err) -> {
                assertInstanceOf(AsyncTimeoutException.class, err);
                assertTrue(t.isCancelled());
                return null;
            }).build();
        }));
    }

    @Test
    void zeroTimeoutOnWorkThatSwallowsTheCancellationReturnsItsValue() {
        String r = Loops.runVirtual(Co.of(() -> {
            Task<String> t = Asyncio.createTask(Co.stubborn(trace, "s", 5, "kept"));
            return Script.start(() -> Asyncio.sleep(0)).then(v -> waitFor(t, 0)).build();
        }));
        assertEquals("kept", r);
    }

    @Test
    void cancellingTheWaitingTaskIsNotConvertedAndCancelsTheWork() {
        // Scenario: the task running waitFor is cancelled from outside before the deadline; the
        // cancellation reaches the work and comes out of waitFor as CancelledException.
        Loops.runVirtual(Co.of(() -> {
            Task<String> work = Asyncio.createTask(Co.work(trace, "work", 5, "v"));
            Task<String> waiter = Asyncio.createTask(Co.of(() -> waitFor(work, 3)));
            Asyncio.getRunningLoop().callLater(1, () -> waiter.cancel("outside"));
            return Script.start(() -> waiter).handle((v, err) -> {
                CancelledException ce = assertInstanceOf(CancelledException.class, err);
                assertEquals("outside", ce.getMessage());
                assertTrue(waiter.isCancelled());
                assertTrue(work.isCancelled());
                return Asyncio.sleep(5);
            }).build();
        }));
        assertEquals(List.of("work start", "work cancelled(outside)"), trace);
    }

    @Test
    void cancellingTheWaitingTaskAtTheDeadlineIsNotConverted() {
        // Scenario: the deadline passes and the task is cancelled from outside in the same
        // iteration; two cancellations were requested, the timeout withdraws only its own, so the
        // waiter sees CancelledException, not a timeout.
        Loops.runVirtual(Co.of(() -> {
            Task<String> waiter = Asyncio.createTask(Co.of(() -> waitFor(Co.work(trace, "w", 5, "v"), 1)));
            Asyncio.getRunningLoop().callLater(1, () -> waiter.cancel("outside"));
            return Script.start(() -> waiter).handle((v, err) -> {
                assertInstanceOf(CancelledException.class, err);
                assertTrue(waiter.isCancelled());
                return null;
            }).build();
        }));
    }

    @Test
    void nothingHappensAfterTheWorkFinishedInTime() {
        Loops.runVirtual(Script.start(() -> waitFor(Co.work(trace, "a", 1, "v"), 2))
                .then(v -> Asyncio.sleep(5))
                .then(v -> {
                    assertFalse(Asyncio.currentTask().cancelling() > 0, "the deadline timer was cancelled");
                    return null;
                }).build());
    }
}
