package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EventLoopTest {

    private final SelectorEventLoop loop = Loops.virtual();

    @AfterEach
    void closeLoop() {
        if (!loop.isRunning()) {
            loop.close();
        }
        Debug.trackCoroutines = Debug.ENV_DEBUG; // a debug loop turns tracking on for the whole JVM
    }

    /** Runs the loop until the callbacks scheduled so far, and what they schedule, have run. */
    private void drain() {
        loop.runUntilComplete(Asyncio.sleep(0.000_001));
    }

    // ---- the registry of pending tasks ----

    /**
     * The loop keeps its pending tasks in an array with holes where finished tasks were, squeezed
     * out when it fills up: whatever order tasks finish in, and however creation and completion
     * interleave across compactions, the pending set (in creation order) is exact.
     */
    @Test
    void pendingTasksStayExactWhileTasksFinishInAnyOrder() {
        Random rnd = new Random(11);
        List<Task<?>> model = new ArrayList<>();
        java.util.Map<Task<?>, Future<Void>> gates = new java.util.HashMap<>();
        for (int round = 0; round < 3000; round++) {
            if (model.isEmpty() || rnd.nextInt(5) < 3) {
                for (int k = rnd.nextInt(20); k >= 0; k--) {
                    Future<Void> gate = loop.createFuture();
                    Task<Void> t = loop.createTask(Co.of(() -> gate));
                    model.add(t);
                    gates.put(t, gate);
                }
            } else {
                for (int k = rnd.nextInt(Math.min(30, model.size())); k >= 0 && !model.isEmpty(); k--) {
                    // mostly from anywhere; sometimes the newest, which shrinks the array's used end
                    int i = rnd.nextBoolean() ? model.size() - 1 : rnd.nextInt(model.size());
                    gates.remove(model.remove(i)).setResult(null);
                }
            }
            drain(); // first steps park; woken tasks finish
            assertEquals(model, new ArrayList<>(loop.pendingTasks()), "round " + round);
        }
        for (Future<Void> gate : gates.values()) {
            gate.setResult(null);
        }
        drain();
        assertEquals(List.of(), new ArrayList<>(loop.pendingTasks()));
    }

    // ---- callSoon ----

    @Test
    void callSoonRunsInFifoOrder() {
        List<Integer> trace = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            loop.callSoon(() -> trace.add(n));
        }
        loop.runOnce();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), trace);
    }

    @Test
    void cancelledHandleDoesNotRun() {
        List<String> trace = new ArrayList<>();
        Handle a = loop.callSoon(() -> trace.add("a"));
        loop.callSoon(() -> trace.add("b"));
        assertFalse(a.isCancelled());
        a.cancel();
        assertTrue(a.isCancelled());
        a.cancel(); // idempotent
        loop.runOnce();
        assertEquals(List.of("b"), trace);
    }

    @Test
    void iterationRunsOnlyTheCallbacksReadyWhenItBegan() {
        Expect e = new Expect();
        loop.callSoon(() -> {
            e.expect(1);
            loop.callSoon(() -> e.expect(4));
        });
        loop.callSoon(() -> e.expect(2));
        loop.runOnce();
        e.expect(3);
        loop.runOnce();
        e.finish(5);
    }

    @Test
    void callbackCancellingALaterOneInTheSameIterationPreventsIt() {
        List<String> trace = new ArrayList<>();
        Handle[] b = new Handle[1];
        loop.callSoon(() -> {
            trace.add("a");
            b[0].cancel();
        });
        b[0] = loop.callSoon(() -> trace.add("b"));
        loop.runOnce();
        assertEquals(List.of("a"), trace);
    }

    @Test
    void nullCallbackIsRefused() {
        assertThrows(NullPointerException.class, () -> loop.callSoon(null));
        assertThrows(NullPointerException.class, () -> loop.callLater(1, null));
        assertThrows(NullPointerException.class, () -> loop.callSoonThreadsafe(null));
    }

    // ---- timers on virtual time ----

    @Test
    void timersRunInDeadlineOrderAtTheirDeadlines() {
        List<String> trace = new ArrayList<>();
        double start = loop.time();
        loop.callLater(5, () -> trace.add("5@" + (loop.time() - start)));
        loop.callLater(1, () -> trace.add("1@" + (loop.time() - start)));
        loop.callAt(start + 3, () -> trace.add("3@" + (loop.time() - start)));
        loop.callLater(2, () -> trace.add("2@" + (loop.time() - start)));
        loop.runUntilComplete(Asyncio.sleep(6));
        assertEquals(List.of("1@1.0", "2@2.0", "3@3.0", "5@5.0"), trace);
        assertEquals(6.0, loop.time() - start, 1e-9);
    }

    /**
     * Timers compare by deadline only, as asyncio's TimerHandles do, so among equal deadlines the
     * order is heapq's. CPython 3.11 prints this list for
     * {@code t = loop.time() + 0.01; for i in range(50): loop.call_at(t, out.append, i)}.
     */
    @Test
    void timersWithEqualDeadlinesRunInAsynciosHeapOrder() {
        List<Integer> trace = new ArrayList<>();
        double when = loop.time() + 1;
        for (int i = 0; i < 50; i++) {
            int n = i;
            if (i % 2 == 0) {
                loop.callAt(when, () -> trace.add(n));
            } else {
                loop.callLater(1, () -> trace.add(n)); // the same deadline on the virtual clock
            }
        }
        loop.runUntilComplete(Asyncio.sleep(2));
        assertEquals(List.of(0, 2, 6, 14, 30, 29, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34,
                33, 32, 31, 13, 27, 28, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 5, 11, 12, 10, 9, 8, 7, 1, 3,
                4), trace);
    }

    @Test
    void dueTimerRunsAfterCallbacksAlreadyReady() {
        List<String> trace = new ArrayList<>();
        loop.callLater(0, () -> trace.add("timer"));
        loop.callLater(-1, () -> trace.add("past timer"));
        loop.callSoon(() -> trace.add("soon"));
        loop.runOnce();
        // asyncio's _run_once: due timers join the ready queue after what is already in it; among
        // themselves they keep deadline order
        assertEquals(List.of("soon", "past timer", "timer"), trace);
    }

    @Test
    void cancelledTimerDoesNotRun() {
        List<String> trace = new ArrayList<>();
        TimerHandle a = loop.callLater(1, () -> trace.add("a"));
        loop.callLater(2, () -> trace.add("b"));
        assertEquals(loop.time() + 1, a.when(), 1e-9);
        a.cancel();
        assertTrue(a.isCancelled());
        loop.runUntilComplete(Asyncio.sleep(3));
        assertEquals(List.of("b"), trace);
    }

    @Test
    void timerCancelledByAnEarlierCallbackOfTheSameIterationDoesNotRun() {
        List<String> trace = new ArrayList<>();
        TimerHandle[] b = new TimerHandle[1];
        loop.callLater(1, () -> {
            trace.add("a");
            b[0].cancel();
        });
        b[0] = loop.callLater(1, () -> trace.add("b"));
        loop.runUntilComplete(Asyncio.sleep(2));
        assertEquals(List.of("a"), trace);
    }

    @Test
    void nanDeadlineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> loop.callAt(Double.NaN, () -> {}));
    }

    @Test
    void heapCompactsWhenCancelledTimersDominate() {
        TimerHeap heap = new TimerHeap();
        List<TimerEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TimerEntry t = new TimerEntry(loop, i, () -> {});
            entries.add(t);
            heap.add(t);
        }
        for (int i = 0; i < 100; i++) {
            entries.get(2 * i + 1).cancel(); // TimerEntry.cancel counts only timers in the loop's heap
            heap.onCancelled();
        }
        heap.startIteration();
        assertEquals(200, heap.size(), "half cancelled: not yet");
        entries.get(0).cancel();
        heap.onCancelled();
        assertEquals(200, heap.size(), "rebuilt when an iteration starts, as asyncio's _run_once does");
        heap.startIteration();
        assertEquals(99, heap.size(), "more than half cancelled: rebuilt without them");
        double last = -1;
        while (!heap.isEmpty()) {
            TimerEntry t = heap.poll();
            assertFalse(t.isCancelled());
            assertTrue(t.when > last, "still a heap in deadline order");
            last = t.when;
        }
    }

    @Test
    void manyCancelledTimersNeverRunAndTheLiveOnesKeepTheirOrder() {
        Random random = new Random(42);
        List<Double> fired = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        double start = loop.time();
        for (int i = 0; i < 5000; i++) {
            double delay = random.nextInt(1000) / 10.0;
            TimerHandle h = loop.callLater(delay, () -> fired.add(loop.time() - start));
            if (random.nextInt(10) < 8) {
                h.cancel();
            } else {
                expected.add(delay);
            }
        }
        expected.sort(null);
        loop.runUntilComplete(Asyncio.sleep(101));
        assertEquals(expected.size(), fired.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), fired.get(i), 1e-6);
        }
    }

    // ---- running and stopping ----

    @Test
    void stopBeforeRunRunsOneIteration() {
        List<String> trace = new ArrayList<>();
        loop.callSoon(() -> {
            trace.add("a");
            loop.callSoon(() -> trace.add("c"));
        });
        loop.callSoon(() -> trace.add("b"));
        loop.stop();
        loop.runForever();
        assertEquals(List.of("a", "b"), trace);
        assertFalse(loop.isRunning());
        loop.stop();
        loop.runForever();
        assertEquals(List.of("a", "b", "c"), trace);
    }

    @Test
    void stopDuringRunFinishesTheIteration() {
        List<String> trace = new ArrayList<>();
        loop.callSoon(() -> {
            trace.add("a");
            loop.stop();
            loop.callSoon(() -> trace.add("next iteration"));
        });
        loop.callSoon(() -> trace.add("b"));
        loop.runForever();
        assertEquals(List.of("a", "b"), trace);
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("a", "b", "next iteration"), trace);
    }

    @Test
    void runUntilCompleteReturnsTheValueAndRethrowsUnwrapped() {
        assertEquals(7, loop.runUntilComplete(Asyncio.sleep(1, 7)));
        Future<Object> failed = loop.createFuture();
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        failed.setException(boom);
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(failed)));
        assertFalse(loop.isRunning());
    }

    @Test
    void runUntilCompleteStoppedEarlyIsAnError() {
        Future<Object> never = loop.createFuture();
        loop.callSoon(loop::stop);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(never));
        assertEquals("Event loop stopped before Future completed.", e.getMessage());
    }

    @Test
    void runUntilCompleteInsideTheRunningLoopIsRefusedAndTheLoopSurvives() {
        String r = loop.runUntilComplete(Script.<String>start(() -> {
            assertTrue(loop.isRunning());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(Asyncio.sleep(1)));
            assertEquals("This event loop is already running", e.getMessage());
            assertThrows(IllegalStateException.class, loop::runForever);
            assertEquals("Cannot close a running event loop",
                    assertThrows(IllegalStateException.class, loop::close).getMessage());
            return Asyncio.sleep(1, "survived");
        }).build());
        assertEquals("survived", r);
    }

    @Test
    void anotherLoopCannotRunInsideARunningOne() {
        SelectorEventLoop other = Loops.virtual();
        try {
            loop.runUntilComplete(Script.start(() -> {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> other.runUntilComplete(other.createFuture()));
                assertEquals("Cannot run the event loop while another loop is running", e.getMessage());
                return null;
            }).build());
        } finally {
            other.close();
        }
    }

    @Test
    void runningLoopIsVisibleOnlyOnItsThread() {
        assertThrows(IllegalStateException.class, Asyncio::getRunningLoop);
        EventLoop seen = loop.runUntilComplete(Script.<EventLoop>start(Asyncio::getRunningLoop).build());
        assertSame(loop, seen);
        assertThrows(IllegalStateException.class, Asyncio::getRunningLoop);
    }

    @Test
    void futureOfAnotherLoopIsRefusedByRunUntilComplete() {
        SelectorEventLoop other = Loops.virtual();
        try {
            Future<Object> foreign = other.createFuture();
            assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(foreign));
            assertEquals(1, loop.runUntilComplete(Asyncio.sleep(0, 1)));
        } finally {
            other.close();
        }
    }

    @Test
    void awaitingAFutureOfAnotherLoopFailsTheAwaitAndTheLoopSurvives() {
        SelectorEventLoop other = Loops.virtual();
        try {
            Future<Object> foreign = other.createFuture();
            String r = loop.runUntilComplete(Script.<String>start(() -> foreign).handle((v, err) -> {
                assertTrue(err instanceof IllegalStateException, String.valueOf(err));
                assertTrue(err.getMessage().contains("attached to a different loop"), err.getMessage());
                return Asyncio.sleep(1, "survived");
            }).build());
            assertEquals("survived", r);
            assertFalse(foreign.isDone(), "the foreign future is left alone");
        } finally {
            other.close();
        }
    }

    // ---- closing ----

    @Test
    void closedLoopRefusesEverything() {
        loop.close();
        assertTrue(loop.isClosed());
        loop.close(); // idempotent
        Coroutine<Void> c = Asyncio.sleep(1);
        List<Executable> uses = List.of(
                () -> loop.callSoon(() -> {}),
                () -> loop.callSoonThreadsafe(() -> {}),
                () -> loop.callLater(1, () -> {}),
                () -> loop.callAt(1, () -> {}),
                () -> loop.createTask(c),
                () -> loop.runForever(),
                () -> loop.runUntilComplete(c),
                () -> loop.runInExecutor(null, () -> 1));
        for (Executable use : uses) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertEquals("Event loop is closed", e.getMessage());
        }
        assertFalse(c.isDone());
    }

    @Test
    void closeDropsPendingCallbacks() {
        List<String> trace = new ArrayList<>();
        loop.callSoon(() -> trace.add("soon"));
        loop.callLater(1, () -> trace.add("later"));
        loop.close();
        assertEquals(List.of(), trace);
    }

    // ---- errors ----

    @Test
    void exceptionHandlerReceivesErrorsEscapingCallbacksAndTheLoopKeepsRunning() {
        List<ExceptionContext> seen = new ArrayList<>();
        List<String> trace = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> {
            assertSame(loop, l);
            seen.add(ctx);
        });
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Handle h = loop.callSoon(() -> {
            throw boom;
        });
        loop.callSoon(() -> trace.add("after"));
        loop.callLater(1, () -> {
            throw new AssertionError("timer error");
        });
        loop.callLater(2, () -> trace.add("timer after"));
        loop.runUntilComplete(Asyncio.sleep(3));
        assertEquals(List.of("after", "timer after"), trace);
        assertEquals(2, seen.size());
        assertSame(boom, seen.get(0).exception());
        assertSame(h, seen.get(0).handle());
        assertTrue(seen.get(0).message().startsWith("Exception in callback"), seen.get(0).message());
        assertEquals("timer error", seen.get(1).exception().getMessage());
    }

    @Test
    void failingExceptionHandlerDoesNotStopTheLoop() {
        List<String> trace = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> {
            throw new IllegalStateException("handler broke");
        });
        loop.callSoon(() -> {
            throw new IllegalArgumentException("boom");
        });
        loop.callSoon(() -> trace.add("after"));
        loop.runOnce();
        assertEquals(List.of("after"), trace);
        loop.setExceptionHandler(null);
        assertNull(loop.getExceptionHandler());
    }

    @Test
    void callExceptionHandlerGoesToTheInstalledHandler() {
        AtomicReference<ExceptionContext> seen = new AtomicReference<>();
        loop.setExceptionHandler((l, ctx) -> seen.set(ctx));
        ExceptionContext ctx = new ExceptionContext("custom", new RuntimeException("x"));
        loop.callExceptionHandler(ctx);
        assertSame(ctx, seen.get());
    }

    // ---- threads ----

    @Test
    void callSoonThreadsafeWakesALoopBlockedOnTheSystemClock() {
        SelectorEventLoop real = new SelectorEventLoop(); // system clock: the selector really blocks
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                Future<String> woken = real.createFuture();
                real.callLater(3600, () -> woken.setResult("timer")); // would block an hour without a wakeup
                real.callSoon(() -> new Thread(() -> {
                    try {
                        Thread.sleep(50); // the one wall-clock wait: let the loop block in select()
                    } catch (InterruptedException e) {
                        return;
                    }
                    real.callSoonThreadsafe(() -> woken.setResult("other thread"));
                }).start());
                long start = System.nanoTime();
                assertEquals("other thread", real.runUntilComplete(woken));
                assertTrue(System.nanoTime() - start < 5_000_000_000L, "woken up, not timed out");
            });
        } finally {
            real.close();
        }
    }

    @Test
    void callSoonThreadsafeFromManyThreadsLosesNothing() throws Exception {
        int threads = 4;
        int each = 2500;
        int[] count = new int[1];
        Future<Void> all = loop.createFuture();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            producers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    loop.callSoonThreadsafe(() -> {
                        if (++count[0] == threads * each) {
                            all.setResult(null);
                        }
                    });
                }
            }));
        }
        producers.forEach(Thread::start);
        loop.runUntilComplete(all);
        for (Thread p : producers) {
            p.join();
        }
        assertEquals(threads * each, count[0]);
    }

    /**
     * Before the loop runs (and between runs), callSoonThreadsafe queues in line with callSoon and
     * with done callbacks, as asyncio's one deque does. CPython 3.11 prints a b c d done e, then f g:
     * <pre>
     * loop.call_soon(p, 'a'); loop.call_soon_threadsafe(p, 'b'); loop.call_soon(p, 'c')
     * f = loop.create_future(); f.add_done_callback(lambda f: p('done'))
     * loop.call_soon_threadsafe(p, 'd'); f.set_result(1); loop.call_soon_threadsafe(p, 'e')
     * loop.run_until_complete(asyncio.sleep(0))
     * loop.call_soon_threadsafe(p, 'f'); loop.call_soon(p, 'g')
     * loop.run_until_complete(asyncio.sleep(0))
     * </pre>
     */
    @Test
    void callSoonThreadsafeBeforeTheLoopRunsKeepsCallSoonsOrder() {
        List<String> trace = new ArrayList<>();
        loop.callSoon(() -> trace.add("a"));
        loop.callSoonThreadsafe(() -> trace.add("b"));
        loop.callSoon(() -> trace.add("c"));
        Future<Integer> f = loop.createFuture();
        f.addDoneCallback(x -> trace.add("done"));
        loop.callSoonThreadsafe(() -> trace.add("d"));
        f.setResult(1);
        loop.callSoonThreadsafe(() -> trace.add("e"));
        loop.runUntilComplete(Asyncio.sleep(0));
        loop.callSoonThreadsafe(() -> trace.add("f"));
        loop.callSoon(() -> trace.add("g"));
        loop.runUntilComplete(Asyncio.sleep(0));
        assertEquals(List.of("a", "b", "c", "d", "done", "e", "f", "g"), trace);
    }

    @Test
    void debugModeRefusesNonThreadsafeCallsFromAnotherThreadAndTheLoopSurvives() {
        loop.setDebug(true);
        assertTrue(loop.getDebug());
        List<Throwable> errors = new ArrayList<>();
        List<String> trace = new ArrayList<>();
        String r = loop.runUntilComplete(Script.<String>start(() -> {
            Thread t = new Thread(() -> {
                List<Executable> uses = List.of(
                        () -> loop.callSoon(() -> trace.add("foreign callSoon")),
                        () -> loop.callLater(0, () -> trace.add("foreign callLater")),
                        () -> loop.createTask(Asyncio.completed()));
                for (Executable use : uses) {
                    errors.add(assertThrows(IllegalStateException.class, use));
                }
                loop.callSoonThreadsafe(() -> trace.add("threadsafe"));
            });
            t.start();
            t.join(); // the other thread never needs the loop, so blocking it here is safe
            return Asyncio.sleep(0);
        }).then(v -> Asyncio.sleep(1, "survived")).build());
        assertEquals("survived", r);
        assertEquals(List.of("threadsafe"), trace);
        assertEquals(3, errors.size());
        for (Throwable e : errors) {
            assertTrue(e.getMessage().contains("callSoonThreadsafe"), e.getMessage());
        }
    }

    @Test
    void debugModeRefusesCompletingAFutureWithCallbacksFromAnotherThread() {
        loop.setDebug(true);
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> {});
        Throwable[] error = new Throwable[1];
        String r = loop.runUntilComplete(Script.<String>start(() -> {
            Thread t = new Thread(() -> error[0] = assertThrows(IllegalStateException.class, () -> f.setResult("x")));
            t.start();
            t.join();
            return Asyncio.sleep(1, "survived");
        }).build());
        assertEquals("survived", r);
        assertTrue(error[0].getMessage().contains("callSoonThreadsafe"), error[0].getMessage());
    }

    @Test
    void withoutDebugAForeignCallIsNotChecked() {
        assertFalse(loop.getDebug());
        List<String> trace = new ArrayList<>();
        loop.runUntilComplete(Script.start(() -> {
            Thread t = new Thread(() -> loop.callSoon(() -> trace.add("foreign")));
            t.start();
            t.join();
            return Asyncio.sleep(0);
        }).build());
        assertEquals(List.of("foreign"), trace);
    }

    @Test
    void debugModeWarnsAboutSlowCallbacks() {
        // The virtual clock does not move inside a callback, so use a clock the callback advances.
        long[] now = {0};
        Clock manual = new Clock() {
            @Override
            public long nanoTime() {
                return now[0];
            }

            @Override
            public void select(java.nio.channels.Selector selector, long timeoutNanos) throws java.io.IOException {
                selector.selectNow();
            }
        };
        SelectorEventLoop slow = new SelectorEventLoop(manual);
        List<String> logged = new ArrayList<>();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.asyncj");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jul.addHandler(capture);
        try {
            slow.setDebug(true);
            slow.setSlowCallbackDuration(0.5);
            slow.callSoon(() -> now[0] += 1_000_000_000L);
            slow.callSoon(() -> now[0] += 100_000_000L);
            slow.runOnce();
        } finally {
            jul.removeHandler(capture);
            slow.close();
        }
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("WARNING Executing <Handle"), logged.get(0));
        assertTrue(logged.get(0).endsWith("took 1.000 seconds"), logged.get(0));
    }
}
