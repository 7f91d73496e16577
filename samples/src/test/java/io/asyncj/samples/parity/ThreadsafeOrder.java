package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Handle;

/**
 * callSoonThreadsafe from the loop's own thread queues in line with callSoon; from another thread,
 * the callbacks of one thread keep their order.
 */
public class ThreadsafeOrder {
    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        loop.callSoonThreadsafe(() -> out("threadsafe 1"));
        loop.callSoon(() -> out("soon 2"));
        loop.callSoonThreadsafe(() -> out("threadsafe 3"));
        Future<Integer> fut = loop.createFuture();
        fut.addDoneCallback(f -> out("done cb"));
        fut.setResult(1);
        loop.callSoonThreadsafe(() -> out("threadsafe 4"));
        Handle h = loop.callSoonThreadsafe(() -> out("cancelled"));
        h.cancel();
        await(sleep(0));
        out("main resumed");
        loop.callSoon(() -> {
            out("callback");
            loop.callSoonThreadsafe(() -> out("threadsafe from callback"));
            loop.callSoon(() -> out("soon from callback"));
        });
        await(sleep(0));
        await(sleep(0));
        Future<Void> done = loop.createFuture();
        new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                int x = i;
                loop.callSoonThreadsafe(() -> out("worker", x));
            }
            loop.callSoonThreadsafe(() -> done.setResult(null));
        }).start();
        await(done);
        out("end");
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
