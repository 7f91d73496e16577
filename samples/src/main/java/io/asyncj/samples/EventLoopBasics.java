package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Handle;
import java.util.concurrent.CompletableFuture;

/**
 * The event loop without coroutines, as asyncio's low-level API: callbacks scheduled with
 * {@code callSoon}, {@code callLater} and {@code callAt} (a handle cancels one), a future whose
 * done callback runs when it is completed, {@code runUntilComplete}, {@code runForever} until
 * {@code stop()}; and a future handed to the rest of Java as a {@link CompletableFuture}.
 */
public class EventLoopBasics {
    public static void main(String[] args) throws Exception {
        EventLoop loop = newEventLoop();
        double t0 = loop.time();
        loop.callLater(0.02, () -> System.out.println("call_later: 20 ms"));
        loop.callAt(t0 + 0.01, () -> System.out.println("call_at: start + 10 ms"));
        loop.callSoon(() -> System.out.println("call_soon: next iteration"));
        Handle h = loop.callLater(0.015, () -> System.out.println("never printed: cancelled"));
        h.cancel();

        Future<Integer> fut = loop.createFuture();
        fut.addDoneCallback(f -> System.out.println("done callback: " + f.result()));
        CompletableFuture<Integer> forJava = fut.toCompletableFuture();
        loop.callLater(0.03, () -> fut.setResult(42));
        System.out.println("run_until_complete: " + loop.runUntilComplete(fut));
        System.out.println("as a CompletableFuture: " + forJava.get());

        loop.callSoon(() -> System.out.println("run_forever: runs until stop()"));
        loop.callLater(0.01, loop::stop);
        loop.runForever();
        loop.close();
        System.out.println("closed: " + loop.isClosed());
    }
}
