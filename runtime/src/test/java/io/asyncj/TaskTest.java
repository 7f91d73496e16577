package io.asyncj;

import static io.asyncj.Asyncio.createTask;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    /** What the compiler emits for: {@code int x = await(inner); trace.add(...); return completed(x + 1);} */
    static final class AddOne extends Coroutine<Integer> {
        private final Awaitable<Integer> inner;
        private final List<String> trace;
        private int x;

        AddOne(Awaitable<Integer> inner, List<String> trace) {
            this.inner = inner;
            this.trace = trace;
        }

        @Override
        protected void $resume() {
            switch ($state) {
                case 0:
                    trace.add("start");
                    if ($await(inner, 1)) {
                        return;
                    }
                case 1:
                    x = this.<Integer>$get();
                    trace.add("got " + x);
                    $complete(x + 1);
                    return;
                default:
                    throw $badState();
            }
        }
    }

    /** {@code try { await(inner); } catch (IOException e) { return completed("caught " + e.getMessage()); }} */
    static final class CatchIo extends Coroutine<String> {
        interface IoCall {
            Coroutine<?> call() throws IOException; // an @Async method declaring IOException
        }

        private final IoCall inner;

        CatchIo(IoCall inner) {
            this.inner = inner;
        }

        @Override
        protected void $resume() {
            try {
                switch ($state) {
                    case 0:
                        if ($await(inner.call(), 1)) { // the call javac sees throwing stays inside the try
                            return;
                        }
                    case 1:
                        $get();
                        $complete("no exception");
                        return;
                    default:
                        throw $badState();
                }
            } catch (IOException e) {
                $complete("caught " + e.getMessage());
            }
        }
    }

    static final class ThrowsIo extends Coroutine<Void> {
        @Override
        protected void $resume() throws IOException {
            throw new IOException("disk on fire");
        }
    }

    @Test
    void coroutineAwaitingADoneFutureDoesNotSuspend() {
        SelectorEventLoop loop = Loops.virtual();
        Future<Integer> done = loop.createFuture();
        done.setResult(41);
        List<String> trace = new ArrayList<>();
        assertEquals(42, loop.runUntilComplete(new AddOne(done, trace)));
        assertEquals(List.of("start", "got 41"), trace);
        loop.close();
    }

    @Test
    void awaitedCoroutineRunsInlineWithoutALoopTrip() {
        Expect e = new Expect();
        SelectorEventLoop loop = Loops.virtual();
        Coroutine<Integer> inner = Script.<Integer>start(() -> {
            e.expect(2);
            return 7;
        }).build();
        Coroutine<Integer> outer = Script.<Integer>start(() -> {
            e.expect(1);
            loop.callSoon(() -> e.expect(4)); // runs only when the task gives up the loop
            return inner;
        }).then(v -> {
            e.expect(3);
            return v;
        }).build();
        assertEquals(7, loop.runUntilComplete(outer));
        loop.runUntilComplete(sleep(0));
        e.finish(5);
        loop.close();
    }

    @Test
    void checkedExceptionPropagatesUnwrappedThroughAwait() {
        SelectorEventLoop loop = Loops.virtual();
        String r = loop.runUntilComplete(new CatchIo(ThrowsIo::new));
        assertEquals("caught disk on fire", r);
        IOException thrown = assertThrows(IOException.class, () -> loop.runUntilComplete(new ThrowsIo()));
        assertEquals("disk on fire", thrown.getMessage());
        loop.close();
    }

    @Test
    void deepChainOfSynchronousAwaitsDoesNotGrowTheStack() {
        SelectorEventLoop loop = Loops.virtual();
        Coroutine<Integer> c = Asyncio.completed(0);
        for (int i = 0; i < 100_000; i++) {
            c = new AddOne(c, new ArrayList<>() {
                @Override
                public boolean add(String s) {
                    return true;
                }
            });
        }
        assertEquals(100_000, loop.runUntilComplete(c));
        loop.close();
    }

    @Test
    void cancelDeliversCancelledExceptionAtTheAwaitPoint() {
        Expect e = new Expect();
        Asyncio.run(Script.<Void>start(() -> {
            Task<Object> t = createTask(Script.start(() -> {
                e.expect(2);
                return sleep(10);
            }).handle((v, err) -> {
                e.expect(4);
                assertTrue(err instanceof CancelledException);
                assertEquals("stop", err.getMessage());
                throw err;
            }).build());
            e.expect(1);
            return Script.start(() -> sleep(0)).then(v -> {
                e.expect(3);
                assertTrue(t.cancel("stop"));
                assertEquals(1, t.cancelling());
                return Script.start(() -> t).handle((v2, err) -> {
                    e.expect(5);
                    assertTrue(err instanceof CancelledException);
                    assertTrue(t.isCancelled());
                    return null;
                }).build();
            }).build();
        }).build());
        e.finish(6);
    }

    @Test
    void theCancellationThatEndedATaskIsHandedOutOnceThenComesWithoutItsMessage() {
        // CPython (3.11-3.13, C and Python Task): the first await/result()/exception() of a task
        // whose coroutine ended with CancelledError('stop') gets that exception; Task.__step
        // cancelled the future with no message, so later looks raise CancelledError().
        SelectorEventLoop loop = Loops.virtual();
        Task<Object> t = loop.createTask(Script.start(() -> sleep(10)).build());
        loop.runUntilComplete(sleep(1));
        assertTrue(t.cancel("stop"));
        CancelledException first = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("stop", first.getMessage());
        assertEquals(null, assertThrows(CancelledException.class, t::result).getMessage());
        assertEquals(null, assertThrows(CancelledException.class, t::exception).getMessage());
        // A plain future keeps its message: each look makes a new CancelledError(msg).
        Future<Object> f = loop.createFuture();
        f.cancel("why");
        assertEquals("why", assertThrows(CancelledException.class, f::result).getMessage());
        assertEquals("why", assertThrows(CancelledException.class, f::result).getMessage());
        loop.close();
    }

    @Test
    void aTaskCannotBeCompletedFromOutsideAndSaysSoInCPythonsWords() {
        SelectorEventLoop loop = Loops.virtual();
        Task<Object> t = loop.createTask(Script.start(() -> 1).build());
        assertEquals("Task does not support set_result operation",
                assertThrows(IllegalStateException.class, () -> t.setResult(2)).getMessage());
        assertEquals("Task does not support set_exception operation",
                assertThrows(IllegalStateException.class, () -> t.setException(new Error())).getMessage());
        assertEquals(1, loop.runUntilComplete(t));
        loop.close();
    }

    @Test
    void cancelBeforeFirstStepNeverRunsTheBody() {
        SelectorEventLoop loop = Loops.virtual();
        Task<Object> t = loop.createTask(Script.start(() -> {
            throw new AssertionError("must not run");
        }).build());
        assertTrue(t.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        loop.close();
    }

    @Test
    void cancelRequestedJustBeforeCompletionWins() {
        SelectorEventLoop loop = Loops.virtual();
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(Script.start(() -> {
            self[0].cancel();
            return "value"; // returns without awaiting again
        }).build());
        self[0] = t;
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isCancelled());
        loop.close();
    }

    @Test
    void uncancelWithdrawsAPendingCancellation() {
        SelectorEventLoop loop = Loops.virtual();
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(Script.start(() -> {
            self[0].cancel();
            assertEquals(1, self[0].cancelling());
            assertEquals(0, self[0].uncancel());
            return sleep(0);
        }).then(v -> "survived").build());
        self[0] = t;
        assertEquals("survived", loop.runUntilComplete(t));
        loop.close();
    }

    @Test
    void taskAwaitingItselfGetsAnError() {
        SelectorEventLoop loop = Loops.virtual();
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(Script.start(() -> self[0]).build());
        self[0] = t;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertTrue(e.getMessage().startsWith("Task cannot await on itself"), e.getMessage());
        loop.close();
    }

    @Test
    void futureOfAnotherLoopIsRefused() {
        SelectorEventLoop other = Loops.virtual();
        Future<Object> foreign = other.createFuture();
        SelectorEventLoop loop = Loops.virtual();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(Script.awaiting(foreign)));
        assertTrue(e.getMessage().contains("attached to a different loop"), e.getMessage());
        loop.close();
        other.close();
    }

    @Test
    void coroutineRunsAtMostOnce() {
        SelectorEventLoop loop = Loops.virtual();
        Coroutine<Object> c = Script.start(() -> 1).build();
        loop.runUntilComplete(c);
        Task<Object> t = loop.createTask(c); // made, as CPython's; it fails at its first step
        assertSame(c, t.getCoroutine());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertEquals("cannot reuse already awaited coroutine", e.getMessage()); // CPython's words
        loop.close();
    }

    @Test
    void namesCountFromTheTaskCounter() {
        SelectorEventLoop loop = Loops.virtual();
        Task<Object> a = loop.createTask(Script.start(() -> 1).build());
        Task<Object> b = loop.createTask(Script.start(() -> 1).build(), "worker");
        assertTrue(a.getName().matches("Task-\\d+"));
        assertEquals("worker", b.getName());
        b.setName("renamed");
        assertEquals("renamed", b.getName());
        loop.runUntilComplete(b);
        loop.close();
    }

    @Test
    void stackShowsTheAwaitChainOutermostFirst() {
        SelectorEventLoop loop = Loops.virtual();
        Future<Object> never = loop.createFuture();
        Coroutine<Object> inner = Script.awaiting(never);
        Coroutine<Object> outer = Script.awaiting(inner);
        Task<Object> t = loop.createTask(outer);
        loop.runUntilComplete(sleep(0));
        assertEquals(List.of(outer, inner), t.getStack());
        assertSame(outer, t.getCoroutine());
        never.setResult("x");
        assertEquals("x", loop.runUntilComplete(t));
        assertFalse(t.isCancelled());
        loop.close();
    }

    @Test
    void taskAwaitingItselfCancelledBeforeTheErrorArrivesEndsCancelled() {
        // Scenario: the task awaits itself; the RuntimeError is thrown in at its next step, but the
        // task is cancelled before that step runs. As in CPython's Task (the pure-Python one), it
        // never parked on itself, so the cancellation is delivered at that step instead.
        SelectorEventLoop loop = Loops.virtual();
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(Script.start(() -> self[0]).build());
        self[0] = t;
        loop.runOnce(); // first step: awaits itself
        assertTrue(t.cancel("stop"));
        assertEquals(1, t.cancelling());
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("stop", e.getMessage());
        assertTrue(t.isCancelled());
        loop.close();
    }

    @Test
    void taskAwaitingAForeignFutureCancelledBeforeTheErrorArrivesLeavesTheForeignFutureAlone() {
        SelectorEventLoop other = Loops.virtual();
        Future<Object> foreign = other.createFuture();
        SelectorEventLoop loop = Loops.virtual();
        Task<Object> t = loop.createTask(Script.awaiting(foreign));
        loop.runOnce();
        assertTrue(t.cancel());
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertFalse(foreign.isCancelled(), "the task never waited on it");
        loop.close();
        other.close();
    }

    @Test
    void secondCancelWhileTheFirstIsOnItsWayKeepsTheFirstMessage() {
        // Scenario: cancel("first") cancels the future the task waits on; cancel("second") finds
        // that future done and asks for a cancellation at the next step. The task wakes with the
        // future's CancelledException("first"), which is already a cancellation: it is delivered
        // as is, as CPython's __wakeup/__step do.
        SelectorEventLoop loop = Loops.virtual();
        Task<Object> t = loop.createTask(Script.start(() -> sleep(10)).build());
        loop.runUntilComplete(sleep(0)); // t parks on its sleep's future
        assertTrue(t.cancel("first"));
        assertTrue(t.cancel("second"));
        assertEquals(2, t.cancelling());
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("first", e.getMessage());
        loop.close();
    }
}
