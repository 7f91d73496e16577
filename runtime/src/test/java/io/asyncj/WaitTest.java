package io.asyncj;

import static io.asyncj.ReturnWhen.ALL_COMPLETED;
import static io.asyncj.ReturnWhen.FIRST_COMPLETED;
import static io.asyncj.ReturnWhen.FIRST_EXCEPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitTest {

    private final List<String> trace = new ArrayList<>();

    /** Runs {@code check} with three tasks: a (3 s), b (1 s), c (fails at 2 s). */
    private void withThree(Check check) {
        Loops.runVirtual(Co.of(() -> {
            Task<String> a = Asyncio.createTask(Co.work(trace, "a", 3, "a"));
            Task<String> b = Asyncio.createTask(Co.work(trace, "b", 1, "b"));
            Task<String> c = Asyncio.createTask(Co.failing(trace, "c", 2, new IllegalStateException("c")));
            return check.run(a, b, c);
        }));
    }

    interface Check {
        Object run(Task<String> a, Task<String> b, Task<String> c) throws Throwable;
    }

    @Test
    void firstCompletedReturnsAtTheFirstCompletionAndCancelsNothing() {
        withThree((a, b, c) -> Script.<WaitResult<String>>start(() -> Asyncio.wait(List.of(a, b, c), FIRST_COMPLETED, null))
                .then(v -> {
                    WaitResult<String> r = (WaitResult<String>) v;
                    assertEquals(1.0, Co.now(), 1e-9);
                    assertEquals(Set.of(b), r.done());
                    assertEquals(Set.of(a, c), r.pending());
                    assertFalse(a.isCancelled() || c.isCancelled());
                    return Asyncio.sleep(5);
                }).then(v -> {
                    assertEquals("a", a.result());
                    return c.exception();
                }).build());
    }

    @Test
    void firstExceptionReturnsAtTheFirstFailure() {
        withThree((a, b, c) -> Script.start(() -> Asyncio.wait(List.of(a, b, c), FIRST_EXCEPTION, null))
                .then(v -> {
                    WaitResult<String> r = (WaitResult<String>) v;
                    assertEquals(2.0, Co.now(), 1e-9);
                    assertEquals(Set.of(b, c), r.done());
                    assertEquals(Set.of(a), r.pending());
                    assertInstanceOf(IllegalStateException.class, c.exception());
                    return a;
                }).build());
    }

    @Test
    void firstExceptionWithoutFailuresWaitsForAll() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> a = Asyncio.createTask(Co.work(trace, "a", 3, "a"));
            Task<String> b = Asyncio.createTask(Co.work(trace, "b", 1, "b"));
            return Script.start(() -> Asyncio.wait(List.of(a, b), FIRST_EXCEPTION, null)).then(v -> {
                WaitResult<String> r = (WaitResult<String>) v;
                assertEquals(3.0, Co.now(), 1e-9);
                assertEquals(Set.of(a, b), r.done());
                assertTrue(r.pending().isEmpty());
                return null;
            }).build();
        }));
    }

    @Test
    void cancellationIsNotAnExceptionForFirstException() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> a = Asyncio.createTask(Co.work(trace, "a", 3, "a"));
            Task<String> b = Asyncio.createTask(Co.work(trace, "b", 5, "b"));
            Asyncio.getRunningLoop().callLater(1, () -> b.cancel());
            return Script.start(() -> Asyncio.wait(List.of(a, b), FIRST_EXCEPTION, null)).then(v -> {
                assertEquals(3.0, Co.now(), 1e-9, "b's cancellation at 1.0 did not end the wait");
                assertTrue(b.isCancelled());
                return null;
            }).build();
        }));
    }

    @Test
    void allCompletedWaitsForEveryFutureFailuresIncluded() {
        withThree((a, b, c) -> Script.start(() -> Asyncio.wait(List.of(a, b, c))).then(v -> {
            WaitResult<String> r = (WaitResult<String>) v;
            assertEquals(3.0, Co.now(), 1e-9);
            assertEquals(Set.of(a, b, c), r.done());
            assertTrue(r.pending().isEmpty());
            return c.exception();
        }).build());
        assertEquals(List.of("a start", "b start", "c start", "b done@1.0", "c fails@2.0", "a done@3.0"), trace);
    }

    @Test
    void timeoutReturnsWhatIsDoneAndLeavesThePendingUncancelled() {
        withThree((a, b, c) -> Script.start(() -> Asyncio.wait(List.of(a, b, c), ALL_COMPLETED, Duration.ofMillis(1500)))
                .then(v -> {
                    WaitResult<String> r = (WaitResult<String>) v;
                    assertEquals(1.5, Co.now(), 1e-9);
                    assertEquals(Set.of(b), r.done());
                    assertEquals(Set.of(a, c), r.pending());
                    assertFalse(a.isDone());
                    return Asyncio.sleep(2);
                }).then(v -> {
                    assertEquals("a", a.result(), "not cancelled by the timeout");
                    return c.exception();
                }).build());
    }

    @Test
    void zeroTimeoutReturnsAfterOneRoundTrip() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> a = Asyncio.createTask(Co.work(trace, "a", 3, "a"));
            return Script.start(() -> Asyncio.wait(List.of(a), ALL_COMPLETED, Duration.ZERO)).then(v -> {
                WaitResult<String> r = (WaitResult<String>) v;
                assertEquals(0.0, Co.now(), 1e-9);
                assertEquals(Set.of(a), r.pending());
                return a;
            }).build();
        }));
    }

    @Test
    void alreadyDoneFuturesReturnWithoutWaiting() {
        Loops.runVirtual(Co.of(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            f.setResult("x");
            return Script.start(() -> Asyncio.wait(List.of(f), FIRST_COMPLETED, null)).then(v -> {
                assertEquals(Set.of(f), ((WaitResult<String>) v).done());
                return null;
            }).build();
        }));
    }

    @Test
    void duplicatesCountOnce() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> a = Asyncio.createTask(Co.work(trace, "a", 1, "a"));
            Task<String> b = Asyncio.createTask(Co.work(trace, "b", 2, "b"));
            return Script.start(() -> Asyncio.wait(List.of(a, a, b))).then(v -> {
                assertEquals(2.0, Co.now(), 1e-9, "a twice must not count as two completions");
                assertEquals(2, ((WaitResult<String>) v).done().size());
                return null;
            }).build();
        }));
    }

    @Test
    void coroutinesAreRefused() {
        Loops.runVirtual(Co.of(() -> {
            Coroutine<Void> c = Asyncio.sleep(1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Asyncio.wait(List.of(c)));
            assertEquals("Passing coroutines is forbidden, use tasks explicitly.", e.getMessage());
            return null;
        }));
    }

    @Test
    void emptyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Asyncio.wait(List.<Future<String>>of()));
        assertEquals("Set of Tasks/Futures is empty.", e.getMessage());
    }

    @Test
    void cancellingTheWaitingTaskLeavesTheFuturesAlone() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> a = Asyncio.createTask(Co.work(trace, "a", 3, "a"));
            Task<Object> waiter = Asyncio.createTask(Co.of(() -> Asyncio.wait(List.of(a))));
            Asyncio.getRunningLoop().callLater(1, () -> waiter.cancel());
            return Script.start(() -> waiter).handle((v, err) -> {
                assertInstanceOf(CancelledException.class, err);
                assertFalse(a.isDone());
                return a;
            }).build();
        }));
        assertEquals(List.of("a start", "a done@3.0"), trace);
    }
}
