package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.ExceptionContext;
import io.asyncj.Future;
import io.asyncj.TimerHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The event loop page's examples: callSoon and stop, callLater, a Future set later, executors, runCoroutineThreadsafe, the exception handler. */
public class DocsLoop {
    static void helloWorld(EventLoop loop) {
        out("Hello World");
        loop.stop();
    }

    static void displayDate(double endTime, EventLoop loop, int n) {
        out("tick", n);
        if (loop.time() + 0.01 < endTime && n < 2) {
            loop.callLater(0.01, () -> displayDate(endTime, loop, n + 1));
        } else {
            loop.stop();
        }
    }

    @Async
    static Coroutine<Void> setAfter(Future<String> fut, double delay, String value) {
        await(sleep(delay));
        fut.setResult(value);
        return completed();
    }

    static String blockingIo() throws InterruptedException {
        Thread.sleep(10);
        return "io done";
    }

    static long cpuBound() {
        long s = 0;
        for (int i = 0; i < 1000; i++) {
            s += (long) i * i;
        }
        return s;
    }

    @Async
    static Coroutine<Integer> answer(double delay, Integer value) {
        await(sleep(delay));
        if (value == null) {
            throw new NoSuchElementException("no value");
        }
        return completed(value);
    }

    static String fromThread(EventLoop loop) throws Exception {
        List<String> results = new ArrayList<>();
        CompletableFuture<Integer> future = runCoroutineThreadsafe(answer(0.01, 3), loop);
        results.add("('returned', " + future.get(5, TimeUnit.SECONDS) + ")");
        future = runCoroutineThreadsafe(answer(0.01, null), loop);
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException exc) {
            results.add("('raised', \"" + d(exc.getCause()) + "\")");
        }
        future = runCoroutineThreadsafe(answer(10, 1), loop);
        try {
            future.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException exc) {
            results.add("('took too long, cancelling', " + repr(future.cancel(true)) + ")");
        }
        return "[" + String.join(", ", results) + "]";
    }

    @Async
    static Coroutine<Void> victim() {
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            out("victim cancelled");
            throw e;
        }
        return completed();
    }

    static boolean cancelFromThread(EventLoop loop) throws InterruptedException {
        CompletableFuture<Void> fut = runCoroutineThreadsafe(victim(), loop);
        Thread.sleep(50);
        fut.cancel(true);
        return fut.isCancelled();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        Future<String> fut = loop.createFuture();
        loop.createTask(setAfter(fut, 0.01, "... world"));
        out("hello ...");
        out(await(fut));
        out("default executor", await(loop.runInExecutor(null, DocsLoop::blockingIo)));
        ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
        try {
            out("custom thread pool", await(loop.runInExecutor(pool, DocsLoop::cpuBound)));
        } finally {
            pool.shutdown();
        }
        out("from thread", await(toThread(() -> fromThread(loop))));
        await(sleep(0.02));
        out("cancelled from thread", await(toThread(() -> cancelFromThread(loop))));
        await(sleep(0.02));
        out("handler", loop.getExceptionHandler());
        List<ExceptionContext> seen = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> seen.add(ctx));
        loop.callExceptionHandler(new ExceptionContext("custom", new NoSuchElementException("k")));
        loop.callSoon(() -> {
            throw new ArithmeticException("division by zero"); // Python's message for 1 / 0
        });
        await(sleep(0));
        out("seen", "('custom', \"" + d(seen.get(0).exception()) + "\")",
                seen.get(1).message().startsWith("Exception in callback"), d(seen.get(1).exception()));
        loop.setExceptionHandler(null);
        out("handler", loop.getExceptionHandler());
        TimerHandle h = loop.callLater(10, () -> out("never"));
        out("timer", Math.round(h.when() - loop.time()), h.isCancelled());
        h.cancel();
        out("timer", h.isCancelled());
        loop.setDefaultExecutor(java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "mine_0")));
        out("own default", await(toThread(() -> Thread.currentThread().getName().startsWith("mine"))));
        Future<Object> job = loop.runInExecutor(null, () -> {
            Thread.sleep(30);
            out("slow job done");
            return null;
        });
        await(sleep(0));
        await(loop.shutdownDefaultExecutor());
        out("executor shut down", job.isDone());
        try {
            await(loop.runInExecutor(null, DocsLoop::cpuBound));
        } catch (IllegalStateException e) {
            out("after shutdown", d(e));
        }
        ExecutorService other = java.util.concurrent.Executors.newCachedThreadPool();
        try {
            out("explicit executor still works", await(loop.runInExecutor(other, DocsLoop::cpuBound)));
        } finally {
            other.shutdown();
        }
        return completed();
    }

    public static void main(String[] args) {
        EventLoop loop = newEventLoop();
        loop.callSoon(() -> helloWorld(loop));
        try {
            loop.runForever();
        } finally {
            loop.close();
        }
        out("closed", loop.isClosed(), loop.isRunning());
        EventLoop loop2 = newEventLoop();
        double endTime = loop2.time() + 1.0;
        loop2.callSoon(() -> displayDate(endTime, loop2, 0));
        try {
            loop2.runForever();
        } finally {
            loop2.close();
        }
        go(main());
    }
}
