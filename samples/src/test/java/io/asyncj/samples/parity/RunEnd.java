package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import java.util.NoSuchElementException;

/**
 * run's end: pending tasks are cancelled (one of them waiting for a thread), then the default
 * executor is shut down, which waits for the thread; callbacks still scheduled are dropped. A
 * failing main: the children's finally blocks run (and may await) before the error escapes.
 */
public class RunEnd {
    static String blocking() throws InterruptedException {
        Thread.sleep(100);
        out("thread finished");
        return "late";
    }

    @Async
    static Coroutine<String> waitsForThread() {
        try {
            return completed(await(toThread(() -> blocking())));
        } catch (CancelledException e) {
            out("waiter cancelled");
            throw e;
        }
    }

    @Async
    static Coroutine<String> main() {
        EventLoop loop = getRunningLoop();
        createTask(waitsForThread());
        await(sleep(0.01));
        loop.callLater(5, () -> out("timer dropped"));
        loop.callSoon(() -> out("callback scheduled before return"));
        out("main returns");
        return completed("main");
    }

    @Async
    static Coroutine<Void> child(EventLoop loop) {
        try {
            await(sleep(1));
        } finally {
            out("child finally, loop running:", loop.isRunning());
            loop.callSoon(() -> out("scheduled from child's finally"));
            await(sleep(0));
            out("child awaited in finally");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main2() {
        createTask(child(getRunningLoop()));
        await(sleep(0));
        throw new NoSuchElementException("main fails");
    }

    public static void main(String[] args) {
        out("run returned", run(main()));
        go(main2());
        out("end");
    }
}
