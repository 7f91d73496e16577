package io.asyncj;

import static io.asyncj.Asyncio.createTask;
import static io.asyncj.Asyncio.run;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class AsyncioTest {

    private final List<String> trace = new ArrayList<>();

    // ---- run ----

    @Test
    void runReturnsTheValue() {
        assertEquals(42, (int) run(Co.<Integer>of(() -> sleep(0, 42))));
    }

    @Test
    void runRethrowsUnwrappedCheckedExceptions() {
        IOException boom = new IOException("disk");
        IOException thrown = assertThrows(IOException.class, () -> run(Co.of(() -> {
            throw boom;
        })));
        assertSame(boom, thrown);
    }

    @Test
    void runClosesItsLoop() {
        EventLoop loop = run(Co.of(Asyncio::getRunningLoop));
        assertTrue(loop.isClosed());
        assertFalse(loop.isRunning());
        assertThrows(IllegalStateException.class, Asyncio::getRunningLoop);
    }

    @Test
    void runUsesAFreshLoopEachTime() {
        EventLoop a = run(Co.of(Asyncio::getRunningLoop));
        EventLoop b = run(Co.of(Asyncio::getRunningLoop));
        assertNotSame(a, b);
    }

    @Test
    void runClosesTheLoopAlsoWhenMainFails() {
        EventLoop[] loop = new EventLoop[1];
        assertThrows(IllegalStateException.class, () -> run(Co.of(() -> {
            loop[0] = Asyncio.getRunningLoop();
            throw new IllegalStateException("main failed");
        })));
        assertTrue(loop[0].isClosed());
    }

    @Test
    void runRefusesToRunInsideARunningLoopAndTheLoopSurvives() {
        String r = run(Script.<String>start(() -> {
            Coroutine<Void> inner = sleep(0);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(inner));
            assertEquals("asyncio.run() cannot be called from a running event loop", e.getMessage());
            assertFalse(inner.isDone());
            return sleep(0, "survived");
        }).build());
        assertEquals("survived", r);
        assertThrows(IllegalStateException.class, () -> Loops.runVirtual(Co.of(() -> run(sleep(0)))));
    }

    @Test
    void runRefusesNull() {
        assertThrows(NullPointerException.class, () -> run(null));
    }

    @Test
    void runCancelsLeftoverTasksAndWaitsForThem() {
        // Scenario: main returns while two tasks still sleep; run() cancels both, lets them handle
        // the cancellation (one swallows it and needs another iteration), and only then closes.
        Task<?>[] left = new Task<?>[2];
        String r = run(Co.of(() -> {
            left[0] = createTask(Co.work(trace, "a", 3600, "a"));
            left[1] = createTask(Script.start(() -> {
                trace.add("b start");
                return sleep(3600);
            }).handle((v, err) -> {
                trace.add("b " + Co.describe(err));
                return sleep(0); // cleanup that awaits, after swallowing the cancellation
            }).then(v -> {
                trace.add("b cleaned up");
                return "b";
            }).build());
            return sleep(0, "main done");
        }));
        assertEquals("main done", r);
        // leftovers are cancelled in set order, as asyncio.run does: a and b in either order
        assertEquals(List.of("a start", "b start"), trace.subList(0, 2));
        assertEquals(Set.of("a cancelled", "b cancelled"), Set.copyOf(trace.subList(2, 4)));
        assertEquals("b cleaned up", trace.get(4));
        assertEquals(5, trace.size());
        assertTrue(left[0].isCancelled());
        assertEquals("b", left[1].result());
    }

    @Test
    void leftoverTaskFailingOnCancellationIsReportedToTheExceptionHandler() {
        List<ExceptionContext> seen = new ArrayList<>();
        run(Co.of(() -> {
            Asyncio.getRunningLoop().setExceptionHandler((l, ctx) -> seen.add(ctx));
            createTask(Script.start(() -> sleep(3600)).handle((v, err) -> {
                throw new IllegalStateException("cleanup failed");
            }).build());
            return sleep(0);
        }));
        assertEquals(1, seen.size());
        assertEquals("unhandled exception during asyncio.run() shutdown", seen.get(0).message());
        assertEquals("cleanup failed", seen.get(0).exception().getMessage());
    }

    // ---- tasks ----

    @Test
    void currentTaskIsTheRunningTaskAndNullInACallback() {
        Task<?>[] inCallback = {null};
        boolean[] ran = {false};
        run(Co.of(() -> {
            Task<?> me = Asyncio.currentTask();
            assertEquals(Set.of(me), Asyncio.allTasks());
            // a Script step returning an Awaitable awaits it, so hand the task out in a list
            Task<List<Task<?>>> child = createTask(Co.of(() -> List.of(Asyncio.currentTask())));
            Asyncio.getRunningLoop().callSoon(() -> {
                inCallback[0] = Asyncio.currentTask();
                ran[0] = true;
            });
            return Script.start(() -> child).then(v -> {
                assertEquals(List.of(child), v);
                assertSame(me, Asyncio.currentTask());
                return null;
            }).build();
        }));
        assertTrue(ran[0]);
        assertNull(inCallback[0]);
    }

    @Test
    void allTasksHoldsThePendingTasksOnly() {
        run(Co.of(() -> {
            Task<?> me = Asyncio.currentTask();
            Task<Void> quick = createTask(sleep(0));
            Task<Void> slow = createTask(sleep(10));
            assertEquals(Set.of(me, quick, slow), Asyncio.allTasks());
            return Script.start(() -> quick).then(v -> {
                assertEquals(Set.of(me, slow), Asyncio.allTasks());
                slow.cancel();
                return sleep(0);
            }).then(v -> {
                assertEquals(Set.of(me), Asyncio.allTasks());
                return null;
            }).build();
        }));
    }

    @Test
    void functionsNeedARunningLoop() {
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                Asyncio::currentTask, Asyncio::allTasks, () -> createTask(sleep(0)), Asyncio::getRunningLoop,
                () -> Asyncio.runInExecutor(null, () -> 1))) {
            assertEquals("no running event loop", assertThrows(IllegalStateException.class, use).getMessage());
        }
    }

    @Test
    void sleepRefusesNaN() {
        assertThrows(IllegalArgumentException.class, () -> sleep(Double.NaN));
    }

    @Test
    void completedCoroutineIsDone() {
        Coroutine<String> c = Asyncio.completed("x");
        assertTrue(c.isDone());
        assertEquals("x", Loops.runVirtual(c));
        assertTrue(Asyncio.completed().isDone());
    }

    // ---- threads ----

    @Test
    void toThreadRunsOnAnotherThreadAndDeliversTheValue() {
        Thread loopThread = Thread.currentThread();
        Thread worker = run(Co.of(() -> Asyncio.toThread(Thread::currentThread)));
        assertNotSame(loopThread, worker);
        assertTrue(worker.getName().startsWith("asyncj-executor-"), worker.getName());
    }

    @Test
    void toThreadDeliversTheExceptionUnwrapped() {
        IOException boom = new IOException("worker failed");
        IOException thrown = assertThrows(IOException.class, () -> run(Co.of(() -> Asyncio.toThread(() -> {
            throw boom;
        }))));
        assertSame(boom, thrown);
    }

    @Test
    void runCoroutineThreadsafeRunsATaskOnTheLoopAndBridgesItsOutcome() throws Exception {
        EventLoop loop = Asyncio.newEventLoop();
        Thread loopThread = new Thread(loop::runForever, "loop");
        loopThread.start();
        try {
            CompletableFuture<Thread> ran = Asyncio.runCoroutineThreadsafe(Co.of(() -> sleep(0.01, Thread.currentThread())), loop);
            assertSame(loopThread, ran.get(5, java.util.concurrent.TimeUnit.SECONDS));
            IOException boom = new IOException("in the task");
            CompletableFuture<Object> failed = Asyncio.runCoroutineThreadsafe(Co.of(() -> {
                throw boom;
            }), loop);
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> failed.get(5, java.util.concurrent.TimeUnit.SECONDS));
            assertSame(boom, e.getCause());
            CompletableFuture<Boolean> seenCancel = new CompletableFuture<>();
            CompletableFuture<Object> slow = Asyncio.runCoroutineThreadsafe(Co.of(() -> {
                Task<?> me = Asyncio.currentTask();
                me.addDoneCallback(t -> seenCancel.complete(t.isCancelled()));
                return sleep(10);
            }), loop);
            Thread.sleep(20);
            assertTrue(slow.cancel(false));
            assertTrue(seenCancel.get(5, java.util.concurrent.TimeUnit.SECONDS), "cancelling the future cancels the task");
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(5000);
            loop.close();
        }
        assertThrows(IllegalStateException.class, () -> Asyncio.runCoroutineThreadsafe(Co.of(() -> sleep(0)), loop));
    }

    @Test
    void ensureFutureKeepsFuturesAndSchedulesCoroutines() {
        run(Co.of(() -> {
            Future<Integer> f = Asyncio.getRunningLoop().createFuture();
            assertSame(f, Asyncio.ensureFuture(f));
            Future<Integer> t = Asyncio.ensureFuture(Co.<Integer>of(() -> sleep(0, 7)));
            assertInstanceOf(Task.class, t);
            assertSame(t, Asyncio.ensureFuture(t));
            Future<String> w = Asyncio.wrapFuture(CompletableFuture.completedFuture("done"));
            assertEquals("done", w.result());
            return t;
        }));
    }

    @Test
    void setDefaultExecutorAndShutdownDefaultExecutor() {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-default"));
        String msg = run(Co.of(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setDefaultExecutor(pool);
            Coroutine<Void> shutdown = loop.shutdownDefaultExecutor();
            assertFalse(pool.isShutdown(), "shutdownDefaultExecutor is cold until awaited");
            return Script.start(() -> Asyncio.toThread(() -> Thread.currentThread().getName()))
                    .then(name -> {
                        assertEquals("my-default", name);
                        return shutdown;
                    })
                    .then(v -> {
                        assertTrue(pool.isTerminated());
                        try {
                            loop.runInExecutor(null, () -> 1);
                            return Asyncio.sleep(0, "ran");
                        } catch (IllegalStateException e) {
                            return Asyncio.sleep(0, e.getMessage());
                        }
                    }).build();
        }));
        assertEquals("Executor shutdown has been called", msg);
    }

    @Test
    void toThreadIsColdUntilAwaited() {
        boolean[] ran = {false};
        run(Co.of(() -> {
            Coroutine<Object> c = Asyncio.toThread(() -> ran[0] = true);
            return sleep(0); // never awaited
        }));
        assertFalse(ran[0]);
    }

    @Test
    void runInExecutorUsesTheGivenExecutor() {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-pool"));
        try {
            String name = run(Co.of(() -> Asyncio.runInExecutor(pool, () -> Thread.currentThread().getName())));
            assertEquals("custom-pool", name);
            IllegalStateException boom = new IllegalStateException("bad");
            assertSame(boom, assertThrows(IllegalStateException.class,
                    () -> run(Co.of(() -> Asyncio.runInExecutor(pool, () -> {
                        throw boom;
                    })))));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPlainCancellationExceptionFromTheFunctionArrivesAsCancelledException() {
        // CPython's _convert_future_exc: concurrent.futures.CancelledError becomes asyncio's.
        CancellationException plain = new CancellationException("gone");
        CancelledException e = assertThrows(CancelledException.class, () -> run(Co.of(() -> Asyncio.runInExecutor(null, () -> {
            throw plain;
        }))));
        assertEquals("gone", e.getMessage());
        assertSame(plain, e.getCause());
    }

    @Test
    void cancellingARunInExecutorFutureCancelsWorkNotYetStarted() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        boolean[] ran = {false};
        try {
            run(Co.of(() -> {
                Future<Object> blocker = Asyncio.runInExecutor(pool, () -> gate.join());
                Future<Object> queued = Asyncio.runInExecutor(pool, () -> ran[0] = true);
                assertTrue(queued.cancel());
                // the cancellation reaches the executor's task through a done callback, in the
                // next iteration (as asyncio's wrap_future does): open the gate only after it
                return Script.start(() -> sleep(0)).then(v -> {
                    gate.complete(null);
                    return blocker;
                }).then(v -> {
                    assertTrue(queued.isCancelled());
                    return null;
                }).build();
            }));
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(ran[0]);
    }

    // ---- await outside compiled code ----

    @Test
    void awaitOutsideCompiledCodeNamesTheProcessor() {
        Coroutine<Void> c = sleep(1);
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> Asyncio.await(c), c::await, () -> Asyncio.await(new CompletableFuture<>()))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("asyncj-processor"), e.getMessage());
            assertTrue(e.getMessage().contains("@Async"), e.getMessage());
        }
        assertFalse(c.isDone());
    }

    @Test
    void createTaskWithAName() {
        String name = run(Co.of(() -> createTask(Co.of(() -> Asyncio.currentTask().getName()), "worker-1")));
        assertEquals("worker-1", name);
    }

    @Test
    void runInDebugModeStillReturns() {
        try {
            assertEquals("ok", run(Co.of(() -> {
                assertTrue(Asyncio.getRunningLoop().getDebug());
                return sleep(0, "ok");
            }), true));
        } finally {
            Debug.trackCoroutines = Debug.ENV_DEBUG;
        }
    }
}
