package io.asyncj;

import static io.asyncj.Asyncio.sleep;
import static io.asyncj.Asyncio.timeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio's {@code async with timeout(...)}. */
class TimeoutTest {

    private final List<String> trace = new ArrayList<>();

    @Test
    void bodyFinishingInTimeReturnsItsValueAndLeavesNoCancellationBehind() {
        Timeout[] seen = new Timeout[1];
        String r = Loops.runVirtual(Script.<String>start(() -> timeout(2, t -> {
            seen[0] = t;
            return Co.work(trace, "body", 1, "v");
        })).then(v -> Script.start(() -> sleep(5)).then(x -> v).build()).build());
        assertEquals("v", r);
        assertFalse(seen[0].expired());
        assertEquals(2.0, seen[0].when(), 1e-9);
    }

    @Test
    void expiryCancelsTheBodyAndRaisesAsyncTimeoutException() {
        Timeout[] seen = new Timeout[1];
        Loops.runVirtual(Script.start(() -> timeout(1, t -> {
            seen[0] = t;
            return Co.work(trace, "body", 5, "v");
        })).handle((v, err) -> {
            AsyncTimeoutException te = assertInstanceOf(AsyncTimeoutException.class, err);
            assertInstanceOf(CancelledException.class, te.getCause());
            assertEquals(null, te.getMessage(), "CPython raises TimeoutError() without a message");
            assertEquals(1.0, Co.now(), 1e-9);
            assertTrue(seen[0].expired());
            assertEquals(0, Asyncio.currentTask().cancelling());
            return null;
        }).build());
        assertEquals(List.of("body start", "body cancelled"), trace);
    }

    @Test
    void rescheduleOutsideTheBodySaysWhatCPythonSays() {
        Timeout[] seen = new Timeout[1];
        Loops.runVirtual(Script.start(() -> timeout(1, t -> {
            seen[0] = t;
            assertEquals("<Timeout [active] when=1.0>", t.toString());
            return Co.work(trace, "body", 5, "v");
        })).handle((v, err) -> null).build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> seen[0].reschedule(3));
        assertEquals("Cannot change state of expired Timeout", e.getMessage());
        assertEquals("<Timeout [expired]>", seen[0].toString());
    }

    @Test
    void rescheduleLaterExtendsTheDeadline() {
        String r = Loops.runVirtual(Co.of(() -> timeout(1, t -> Script.<String>start(() -> {
            t.reschedule(Co.now() + 5);
            return Co.work(trace, "body", 3, "v");
        }).build())));
        assertEquals("v", r);
    }

    @Test
    void rescheduleToNaNRemovesTheDeadline() {
        String r = Loops.runVirtual(Co.of(() -> timeout(1, t -> Script.<String>start(() -> {
            t.reschedule(Double.NaN);
            assertTrue(Double.isNaN(t.when()));
            return Co.work(trace, "body", 100, "v");
        }).build())));
        assertEquals("v", r);
    }

    @Test
    void rescheduleIntoThePastExpiresAtOnce() {
        Loops.runVirtual(Script.start(() -> timeout(10, t -> Script.<String>start(() -> sleep(1)).then(v -> {
            t.reschedule(Co.now() - 1);
            return Co.work(trace, "body", 5, "v");
        }).build())).handle((v, err) -> {
            assertInstanceOf(AsyncTimeoutException.class, err);
            assertEquals(1.0, Co.now(), 1e-9);
            return null;
        }).build());
    }

    @Test
    void rescheduleOutsideTheBodyIsRefused() {
        Timeout[] seen = new Timeout[1];
        Loops.runVirtual(Co.of(() -> timeout(1, t -> {
            seen[0] = t;
            return sleep(0);
        })));
        assertThrows(IllegalStateException.class, () -> seen[0].reschedule(5));
    }

    @Test
    void outerCancellationIsNotConverted() {
        Loops.runVirtual(Co.of(() -> {
            Task<Object> t = Asyncio.createTask(Co.of(() -> timeout(10, Co.work(trace, "body", 20, "v"))));
            Asyncio.getRunningLoop().callLater(1, () -> t.cancel("outside"));
            return Script.start(() -> t).handle((v, err) -> {
                assertEquals("outside", assertInstanceOf(CancelledException.class, err).getMessage());
                assertTrue(t.isCancelled());
                return null;
            }).build();
        }));
        assertEquals(List.of("body start", "body cancelled(outside)"), trace);
    }

    @Test
    void outerCancellationAtTheDeadlineIsNotConverted() {
        // Scenario: the deadline timer and an outside cancel() land in the same iteration; the
        // timeout withdraws its own request and sees another one pending, so it lets the
        // cancellation through.
        Loops.runVirtual(Co.of(() -> {
            Task<Object> t = Asyncio.createTask(Co.of(() -> timeout(1, Co.work(trace, "body", 20, "v"))));
            Asyncio.getRunningLoop().callLater(1, () -> t.cancel("outside"));
            return Script.start(() -> t).handle((v, err) -> {
                assertInstanceOf(CancelledException.class, err);
                assertTrue(t.isCancelled());
                return null;
            }).build();
        }));
    }

    @Test
    void bodyCatchingTheCancellationEndsNormally() {
        String r = Loops.runVirtual(Co.of(() -> timeout(1, t -> Co.stubborn(trace, "body", 5, "caught"))));
        assertEquals("caught", r);
        assertEquals(List.of("body start", "body swallowed cancelled@1.0"), trace);
    }

    @Test
    void innerTimeoutExpiringFirstIsTheOneRaised() {
        Timeout[] outer = new Timeout[1];
        Loops.runVirtual(Co.of(() -> timeout(5, o -> {
            outer[0] = o;
            return Script.start(() -> timeout(1, Co.work(trace, "body", 10, "v"))).handle((v, err) -> {
                assertInstanceOf(AsyncTimeoutException.class, err);
                return sleep(1);
            }).build();
        })));
        assertFalse(outer[0].expired(), "the outer deadline was never reached");
    }

    @Test
    void outerTimeoutExpiringFirstPassesThroughTheInnerOne() {
        Timeout[] inner = new Timeout[1];
        Loops.runVirtual(Script.start(() -> timeout(1, o -> Script.start(() -> timeout(5, i -> {
            inner[0] = i;
            return Co.work(trace, "body", 10, "v");
        })).handle((v, err) -> {
            trace.add("inner scope let through " + Co.describe(err));
            throw err;
        }).build())).handle((v, err) -> {
            assertInstanceOf(AsyncTimeoutException.class, err);
            return null;
        }).build());
        assertFalse(inner[0].expired());
        assertEquals(List.of("body start", "body cancelled", "inner scope let through cancelled"), trace);
    }

    @Test
    void timeoutAtUsesTheLoopClock() {
        Loops.runVirtual(Script.start(() -> sleep(2)).then(v -> Script.start(() -> Asyncio.timeoutAt(3, Co.work(trace, "body", 5, "v")))
                .handle((x, err) -> {
                    assertInstanceOf(AsyncTimeoutException.class, err);
                    assertEquals(3.0, Co.now(), 1e-9);
                    return null;
                }).build()).build());
    }

    @Test
    void noDeadlineNeverExpires() {
        assertEquals("v", Loops.runVirtual(Co.of(() -> timeout(Double.NaN, Co.work(trace, "body", 1000, "v")))));
    }
}
