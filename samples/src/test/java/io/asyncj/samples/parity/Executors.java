package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * runInExecutor on a one-thread executor (jobs in order), a checked exception coming through as
 * the same object, cancelling the task that awaits a running job (the job runs on) and a queued
 * job (it never runs), callSoonThreadsafe from one thread in order, toThread off the main thread.
 */
public class Executors {
    static final IOException ERROR = new IOException("disk on fire");

    static Object ioFails() throws IOException {
        throw ERROR;
    }

    static Object slow(Object x, CountDownLatch started, CountDownLatch release) throws InterruptedException {
        if (started != null) {
            started.countDown();
        }
        if (release != null) {
            release.await();
        }
        out("job", x, "finished");
        return x;
    }

    @Async
    static Coroutine<Object> awaiter(Future<Object> f) {
        try {
            return completed(await(f));
        } catch (CancelledException e) {
            out("awaiter cancelled");
            throw e;
        }
    }

    @Async
    static Coroutine<Void> main() throws InterruptedException {
        EventLoop loop = getRunningLoop();
        ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        // a single worker: jobs run one after another, in order
        List<Future<Object>> futs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int x = i;
            futs.add(loop.runInExecutor(pool, () -> slow(x, null, null)));
        }
        out("results", await(gather(futs)));
        // the exception comes through unchanged: the same object
        try {
            await(loop.runInExecutor(pool, () -> ioFails()));
        } catch (Exception e) { // Future.await declares nothing: javac wants a broader catch
            out("same exception", e == ERROR, d(e).replace("IOException", "OSError"));
        }
        try {
            await(toThread(() -> ioFails()));
        } catch (Exception e) {
            out("to_thread same exception", e == ERROR);
        }
        // cancelling the task that awaits a running job: the job runs on, its result is dropped
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> fut = loop.runInExecutor(pool, () -> slow("running", started, release));
        Future<Object> queued = loop.runInExecutor(pool, () -> slow("queued", null, null));
        Task<Object> t = createTask(awaiter(fut));
        await(loop.runInExecutor(null, () -> {
            started.await();
            return null;
        }));
        t.cancel();
        try {
            await(t);
        } catch (CancelledException e) {
            out("task", t.isCancelled(), "future", fut.isCancelled());
        }
        queued.cancel();
        await(sleep(0)); // the cancel reaches the executor's job through a done callback
        release.countDown();
        await(loop.runInExecutor(pool, () -> slow("after", null, null)));
        out("queued job never ran", queued.isCancelled());
        // callSoonThreadsafe from one thread keeps its order
        Future<String> done = loop.createFuture();
        new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                int x = i;
                loop.callSoonThreadsafe(() -> out("from thread", x));
            }
            loop.callSoonThreadsafe(() -> done.setResult("producer done"));
        }).start();
        out(await(done));
        out("none", await(loop.runInExecutor(null, () -> null)));
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        Thread main = Thread.currentThread();
        out("main thread?", await(toThread(() -> Thread.currentThread() == main)));
        return completed();
    }

    public static void main(String[] args) throws InterruptedException {
        go(main());
    }
}
