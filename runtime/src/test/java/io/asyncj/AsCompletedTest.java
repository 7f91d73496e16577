package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsCompletedTest {

    private final List<String> trace = new ArrayList<>();

    /** Awaits every step of {@code steps} in turn, tracing each outcome with its time. */
    private Coroutine<Object> drain(Iterable<Coroutine<String>> steps) {
        Iterator<Coroutine<String>> it = steps.iterator();
        return Co.of(() -> next(it));
    }

    private Object next(Iterator<Coroutine<String>> it) {
        if (!it.hasNext()) {
            return null;
        }
        return Script.start(it::next).handle((v, err) -> {
            trace.add((err == null ? "got " + v : "raised " + Co.describe(err)) + "@" + Co.now());
            return next(it);
        }).build();
    }

    @Test
    void aStepCancelledRightAfterItsWakeupLeavesTheOutcomeForTheNextStep() {
        // CPython 3.11 (python3 prints "waiter cancelled", "next a"): the queue keeps the finished
        // future until the woken _wait_for_one takes it, so cancelling that one loses nothing.
        List<String> seen = new ArrayList<>();
        Loops.runVirtual(Co.of(() -> {
            Task<String> t1 = Asyncio.createTask(Asyncio.sleep(0.01, "a"));
            Task<String> t2 = Asyncio.createTask(Asyncio.sleep(0.03, "b"));
            Iterator<Coroutine<String>> it = Asyncio.asCompleted(List.of(t1, t2)).iterator();
            Coroutine<String> c1 = it.next();
            Coroutine<String> c2 = it.next();
            Task<String> waiter = Asyncio.createTask(c1);
            t1.addDoneCallback(f -> waiter.cancel());
            return Script.start(() -> waiter).handle((v, e) -> {
                seen.add(e instanceof CancelledException ? "waiter cancelled" : "waiter got " + v);
                return c2;
            }).then(v -> seen.add("next " + v)).build();
        }));
        assertEquals(List.of("waiter cancelled", "next a"), seen);
    }

    @Test
    void outcomesComeInCompletionOrder() {
        Loops.runVirtual(Co.of(() -> drain(Asyncio.asCompleted(List.of(
                sleep(3, "a"), sleep(1, "b"),
                Co.failing(new ArrayList<>(), "c", 2, new IllegalStateException("c")))))));
        assertEquals(List.of("got b@1.0", "raised IllegalStateException(c)@2.0", "got a@3.0"), trace);
    }

    @Test
    void timeoutRaisesForTheRestAndCancelsNothing() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> slow = Asyncio.createTask(sleep(5, "slow"));
            return Script.start(() -> drain(Asyncio.asCompleted(List.of(slow, sleep(1, "fast"), sleep(4, "late")), 2)))
                    .then(v -> {
                        assertFalse(slow.isCancelled());
                        return slow;
                    }).build();
        }));
        assertEquals(List.of("got fast@1.0", "raised AsyncTimeoutException(null)@2.0",
                "raised AsyncTimeoutException(null)@2.0"), trace);
    }

    @Test
    void doneFuturesComeOutAtOnce() {
        Loops.runVirtual(Co.of(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            f.setResult("ready");
            return drain(Asyncio.asCompleted(List.of(sleep(1, "later"), f)));
        }));
        assertEquals(List.of("got ready@0.0", "got later@1.0"), trace);
    }

    @Test
    void duplicatesCountOnce() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> t = Asyncio.createTask(sleep(1, "t"));
            Iterable<Coroutine<String>> steps = Asyncio.asCompleted(List.of(t, t, t));
            int n = 0;
            for (Coroutine<String> ignored : steps) {
                n++;
            }
            assertEquals(1, n);
            return drain(steps);
        }));
        assertEquals(List.of("got t@1.0"), trace);
    }

    @Test
    void eachSleepZeroIsItsOwnCoroutine() {
        // sleep(0) returns one shared object, but in Python each asyncio.sleep(0) call is a new
        // coroutine: as_completed([sleep(0), sleep(0)]) yields two steps, not one.
        Loops.runVirtual(Co.of(() -> {
            Coroutine<Void> zero = Asyncio.sleep(0);
            int n = 0;
            for (Coroutine<Void> ignored : Asyncio.asCompleted(List.of(zero, Asyncio.sleep(0)))) {
                n++;
            }
            assertEquals(2, n);
            return null;
        }));
    }

    @Test
    void emptyYieldsNothing() {
        Loops.runVirtual(Co.of(() -> {
            assertFalse(Asyncio.asCompleted(List.<Future<String>>of()).iterator().hasNext());
            return null;
        }));
    }

    @Test
    void cancelledFutureRaisesCancelledExceptionFromItsStep() {
        Loops.runVirtual(Co.of(() -> {
            Task<String> victim = Asyncio.createTask(sleep(5, "v"));
            Asyncio.getRunningLoop().callLater(1, () -> victim.cancel("gone"));
            return drain(Asyncio.asCompleted(List.of(victim, sleep(2, "other"))));
        }));
        assertEquals(List.of("raised cancelled(gone)@1.0", "got other@2.0"), trace);
    }

    private static Coroutine<String> sleep(double s, String v) {
        return Asyncio.sleep(s, v);
    }

    @Test
    void stepThrowsTheExceptionUnwrapped() {
        IllegalStateException boom = new IllegalStateException("x");
        Throwable[] seen = new Throwable[1];
        Loops.runVirtual(Co.of(() -> Script.start(() -> Asyncio.asCompleted(List.of(
                Co.<String>failing(trace, "f", 1, boom))).iterator().next()).handle((v, err) -> {
                    seen[0] = err;
                    return null;
                }).build()));
        assertInstanceOf(IllegalStateException.class, seen[0]);
        assertEquals(boom, seen[0]);
    }
}
