package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.NoSuchElementException;

/** toThread and runInExecutor: values, exceptions, a cancelled awaiter; callSoonThreadsafe from a thread. */
public class Threads {
    static int blocking(int x) throws InterruptedException {
        Thread.sleep(50);
        out("thread finished", x);
        return x * 2;
    }

    static int failing() {
        throw new NoSuchElementException("in thread");
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        out("to_thread", await(toThread(() -> blocking(1))));
        try {
            await(toThread(() -> failing()));
        } catch (NoSuchElementException e) {
            out("thread raised", d(e));
        }
        Future<Void> started = loop.createFuture();
        Task<Integer> t = createTask(toThread(() -> {
            loop.callSoonThreadsafe(() -> started.setResult(null));
            return blocking(2);
        }));
        await(started); // work cancelled before a thread starts it never runs
        t.cancel();
        try {
            await(t);
        } catch (CancelledException e) {
            out("awaiter cancelled, thread still running");
        }
        await(sleep(0.3));
        Future<String> fut = loop.createFuture();
        new Thread(() -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            loop.callSoonThreadsafe(() -> fut.setResult("set from thread"));
        }).start();
        out(await(fut));
        out("executor", await(loop.runInExecutor(null, () -> blocking(3))));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
