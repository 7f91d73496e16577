package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FutureTest {

    private final SelectorEventLoop loop = Loops.virtual();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    @Test
    void newFutureIsPending() {
        Future<String> f = loop.createFuture();
        assertFalse(f.isDone());
        assertFalse(f.isCancelled());
        assertSame(loop, f.getLoop());
        assertTrue(f.toString().contains("pending"), f.toString());
    }

    @Test
    void reprShowsTheResultAsReprlibDoes() {
        String[] expected = {
            "'abc'", "'xxxxxxxxxxxx...xxxxxxxxxxxxx'", "\"it's\"",
            "'a\\nb\\\\'", "'both \\'\"'", "[0, 1, 2, 3, 4, 5, ...]",
            "100000000000000000...0000000000000000000", "[[[[[[[...]]]]]]]",
            "[None, True, 'q']", "[]", "None",
        };
        Object[] values = {
            "abc", "x".repeat(40), "it's", "a\nb\\", "both '\"", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
            java.math.BigInteger.TEN.pow(50), List.of(List.of(List.of(List.of(List.of(List.of(List.of(1))))))),
            java.util.Arrays.asList(null, true, "q"), List.of(), null,
        };
        for (int i = 0; i < values.length; i++) {
            Future<Object> f = loop.createFuture();
            f.setResult(values[i]);
            assertEquals("<Future finished result=" + expected[i] + ">", f.toString());
        }
    }

    @Test
    void reprWritesFloatsAsPythonDoes() {
        double[] values = {1e7, 1.5e-7, 1e16, 0.1, 123.25, 1e-4, -2.5e20, 12345678.5, Double.MAX_VALUE};
        String[] expected = {"10000000.0", "1.5e-07", "1e+16", "0.1", "123.25", "0.0001", "-2.5e+20", "12345678.5",
            "1.7976931348623157e+308"}; // (JDK 17's Double.toString is not always shortest: 4.9e-324)
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], PyRepr.pyFloat(values[i]));
        }
        TimerHandle h = loop.callAt(12345678.5, () -> {});
        h.cancel();
        assertEquals("<TimerHandle cancelled when=12345678.5>", h.toString());
    }

    @Test
    void setResultFinishes() {
        Future<String> f = loop.createFuture();
        f.setResult("v");
        assertTrue(f.isDone());
        assertFalse(f.isCancelled());
        assertEquals("v", f.result());
        assertNull(f.exception());
    }

    @Test
    void setExceptionFinishesAndResultThrowsItUnwrapped() {
        Future<String> f = loop.createFuture();
        IOException boom = new IOException("boom");
        f.setException(boom);
        assertTrue(f.isDone());
        assertFalse(f.isCancelled());
        assertSame(boom, f.exception());
        IOException thrown = assertThrows(IOException.class, f::result);
        assertSame(boom, thrown);
    }

    @Test
    void cancelWithMessage() {
        Future<String> f = loop.createFuture();
        assertTrue(f.cancel("bye"));
        assertTrue(f.isDone());
        assertTrue(f.isCancelled());
        assertEquals("bye", assertThrows(CancelledException.class, f::result).getMessage());
        assertEquals("bye", assertThrows(CancelledException.class, f::exception).getMessage());
        assertFalse(f.cancel("again"), "a done future cannot be cancelled");
    }

    @Test
    void cancelWithoutMessage() {
        Future<String> f = loop.createFuture();
        assertTrue(f.cancel());
        assertNull(assertThrows(CancelledException.class, f::result).getMessage());
    }

    @Test
    void cancelOfAFinishedFutureReturnsFalse() {
        Future<String> f = loop.createFuture();
        f.setResult("v");
        assertFalse(f.cancel());
        assertEquals("v", f.result());
    }

    @Test
    void setResultTwiceIsInvalidState() {
        Future<String> f = loop.createFuture();
        f.setResult("first");
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> f.setResult("second"));
        assertEquals("invalid state", e.getMessage()); // CPython's C Future; the pure-Python one names the state
        assertEquals("first", f.result());
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
    }

    @Test
    void completingACancelledFutureIsInvalidState() {
        Future<String> f = loop.createFuture();
        f.cancel();
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> f.setResult("late"));
        assertEquals("invalid state", e.getMessage());
        assertThrows(InvalidStateException.class, () -> f.setException(new RuntimeException()));
    }

    @Test
    void resultWhilePendingIsInvalidState() {
        Future<String> f = loop.createFuture();
        assertEquals("Result is not set.", assertThrows(InvalidStateException.class, f::result).getMessage());
        assertEquals("Exception is not set.", assertThrows(InvalidStateException.class, f::exception).getMessage());
    }

    @Test
    void setExceptionNullIsRefused() {
        Future<String> f = loop.createFuture();
        assertThrows(NullPointerException.class, () -> f.setException(null));
        assertFalse(f.isDone());
    }

    @Test
    void callbacksAreScheduledThroughTheLoopNeverInline() {
        Expect e = new Expect();
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> e.expect(3));
        e.expect(1);
        f.setResult("v");
        e.expect(2); // setResult returned without running the callback
        loop.runOnce();
        e.finish(4);
    }

    @Test
    void callbacksRunInTheOrderTheyWereAdded() {
        Expect e = new Expect();
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> e.expect(1));
        f.addDoneCallback(x -> e.expect(2));
        f.addDoneCallback(x -> e.expect(3));
        f.cancel();
        loop.runOnce();
        e.finish(4);
    }

    @Test
    void callbackAddedToADoneFutureIsScheduledAtOnceButNotRunInline() {
        Expect e = new Expect();
        Future<String> f = loop.createFuture();
        f.setResult("v");
        loop.callSoon(() -> e.expect(2));
        f.addDoneCallback(x -> {
            assertSame(f, x);
            e.expect(3);
        });
        e.expect(1);
        loop.runOnce();
        e.finish(4);
    }

    @Test
    void callbacksScheduledByACallbackRunInTheNextIteration() {
        Expect e = new Expect();
        Future<String> first = loop.createFuture();
        Future<String> second = loop.createFuture();
        first.addDoneCallback(x -> {
            e.expect(1);
            second.setResult("w");
        });
        second.addDoneCallback(x -> e.expect(3));
        first.setResult("v");
        loop.runOnce();
        e.expect(2);
        loop.runOnce();
        e.finish(4);
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistration() {
        List<String> trace = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> a = x -> trace.add("a");
        Consumer<Future<String>> b = x -> trace.add("b");
        f.addDoneCallback(a);
        f.addDoneCallback(b);
        f.addDoneCallback(a);
        assertTrue(f.removeDoneCallback(a));
        assertFalse(f.removeDoneCallback(a), "already removed");
        f.setResult("v");
        loop.runOnce();
        assertEquals(List.of("b"), trace);
        assertFalse(f.removeDoneCallback(b), "a done future has no callbacks left to remove");
    }

    @Test
    void addingACallbackTwiceRunsItTwice() {
        List<String> trace = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> a = x -> trace.add("a");
        f.addDoneCallback(a);
        f.addDoneCallback(a);
        f.setResult("v");
        loop.runOnce();
        assertEquals(List.of("a", "a"), trace);
    }

    @Test
    void removingTheOnlyCallbackLeavesNothingToRun() {
        List<String> trace = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> a = x -> trace.add("a");
        f.addDoneCallback(a);
        assertTrue(f.removeDoneCallback(a));
        f.setResult("v");
        loop.callSoon(() -> trace.add("next"));
        loop.runOnce();
        assertEquals(List.of("next"), trace);
    }

    @Test
    void failingCallbackGoesToTheExceptionHandlerAndTheOthersStillRun() {
        List<String> trace = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> trace.add("handler " + ctx.exception().getMessage()));
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> {
            throw new IllegalArgumentException("bad callback");
        });
        f.addDoneCallback(x -> trace.add("second"));
        f.setResult("v");
        loop.runOnce();
        assertEquals(List.of("handler bad callback", "second"), trace);
    }

    @Test
    void awaitOutsideCompiledCodeNamesTheProcessor() {
        Future<String> f = loop.createFuture();
        IllegalStateException e = assertThrows(IllegalStateException.class, f::await);
        assertTrue(e.getMessage().contains("asyncj-processor"), e.getMessage());
    }

    // ---- bridges ----

    @Test
    void fromCompletableFutureCompletedOnAnotherThread() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Thread[] completer = new Thread[1];
        String v = loop.runUntilComplete(Script.<String>start(() -> {
            Future<String> f = Future.from(cf);
            assertFalse(f.isDone());
            completer[0] = new Thread(() -> cf.complete("from elsewhere"));
            completer[0].start();
            return f; // the loop blocks in its selector until callSoonThreadsafe wakes it
        }).build());
        assertEquals("from elsewhere", v);
    }

    @Test
    void fromCompletableFutureFailedOnAnotherThreadUnwrapsTheException() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        IOException boom = new IOException("far away");
        IOException thrown = assertThrows(IOException.class, () -> loop.runUntilComplete(Script.<String>start(() -> {
            Future<String> f = Future.from(cf.thenApply(x -> x)); // a dependent stage fails with CompletionException
            new Thread(() -> cf.completeExceptionally(boom)).start();
            return f;
        }).build()));
        assertSame(boom, thrown);
    }

    @Test
    void fromAlreadyCompletedStageIsDoneAtOnce() {
        String v = loop.runUntilComplete(Script.<String>start(() -> {
            Future<String> f = Future.from(CompletableFuture.completedFuture("now"));
            assertTrue(f.isDone());
            return f.result();
        }).build());
        assertEquals("now", v);
    }

    @Test
    void fromStageCompletedOnTheLoopThreadCrossesOverOnTheNextIteration() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        Future<String>[] f = new Future[1];
        boolean[] doneAtOnce = new boolean[1];
        loop.runUntilComplete(Script.start(() -> {
            f[0] = Future.from(cf);
            cf.complete("v");
            doneAtOnce[0] = f[0].isDone();
            f[0].cancel(); // before the outcome crosses over: the cancel wins, as with wrap_future
            return Asyncio.sleep(0);
        }).build());
        assertFalse(doneAtOnce[0]);
        assertTrue(f[0].isCancelled());
        assertEquals("v", cf.getNow(null));
    }

    @Test
    void fromCancelledStageIsCancelled() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        cf.cancel(false);
        boolean cancelled = loop.runUntilComplete(Script.<Boolean>start(() -> Future.from(cf).isCancelled()).build());
        assertTrue(cancelled);
    }

    @Test
    void cancellingTheBridgedFutureCancelsTheCompletableFuture() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        loop.runUntilComplete(Script.start(() -> {
            Future<String> f = Future.from(cf);
            f.cancel();
            return Asyncio.sleep(0);
        }).build());
        assertTrue(cf.isCancelled());
    }

    @Test
    void fromNeedsARunningLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Future.from(new CompletableFuture<>()));
        assertEquals("no running event loop", e.getMessage());
    }

    @Test
    void toCompletableFutureCompletesOnTheLoopWithTheValue() throws Exception {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.setResult("v");
        assertFalse(cf.isDone(), "completed through a done callback, in the next iteration");
        loop.runOnce();
        assertEquals("v", cf.get(0, TimeUnit.SECONDS));
    }

    @Test
    void toCompletableFutureCarriesTheExceptionUnwrapped() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        IOException boom = new IOException("boom");
        f.setException(boom);
        loop.runOnce();
        assertTrue(cf.isCompletedExceptionally());
        ExecutionException e = assertThrows(ExecutionException.class, cf::get);
        assertSame(boom, e.getCause());
        CompletionException c = assertThrows(CompletionException.class, cf::join);
        assertSame(boom, c.getCause());
    }

    @Test
    void cancellingTheFutureCancelsTheCompletableFuture() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.cancel();
        loop.runOnce();
        assertTrue(cf.isCancelled());
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheFuture() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        assertTrue(cf.cancel(false));
        loop.runOnce(); // from a thread that is not running the loop, it travels through callSoonThreadsafe
        assertTrue(f.isCancelled());
    }

    @Test
    void cancellingTheCompletableFutureFromAnotherThreadCancelsTheFutureOnTheLoop() {
        boolean cancelled = loop.runUntilComplete(Script.<Boolean>start(() -> {
            Future<String> f = loop.createFuture();
            CompletableFuture<String> cf = f.toCompletableFuture();
            Thread t = new Thread(() -> cf.cancel(false));
            t.start();
            t.join(); // joining a thread that does not need the loop: no deadlock
            assertFalse(f.isCancelled(), "the cancellation travels through callSoonThreadsafe");
            return Script.start(() -> f).handle((v, err) -> err instanceof CancelledException).build();
        }).build());
        assertTrue(cancelled);
    }

    @Test
    void toCompletableFutureFromAnotherThreadWhileTheLoopRuns() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String>[] cf = new CompletableFuture[1];
        String v = loop.runUntilComplete(Script.<String>start(() -> {
            Thread t = new Thread(() -> cf[0] = f.toCompletableFuture());
            t.start();
            t.join();
            return Asyncio.sleep(0); // lets the hook the other thread queued run
        }).then(x -> {
            f.setResult("v");
            return Asyncio.sleep(0);
        }).then(x -> Future.from(cf[0])).build());
        assertEquals("v", v);
    }
}
