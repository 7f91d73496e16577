package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * test_futures.py's wrap_future cases, with a CompletableFuture for the concurrent.futures.Future:
 * cancelling the asyncio side cancels the other unless it already finished; results, errors and
 * cancellations cross over on the loop's next iteration (call_soon_threadsafe), in order with the
 * loop's other callbacks. (A future already done when it is wrapped is the exception; below.)
 */
public class WrapFuture {
    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        List<Object> log = new ArrayList<>();
        CompletableFuture<Object> f1 = new CompletableFuture<>();
        Future<Object> f2 = wrapFuture(f1);
        out("pending", f2.isDone(), f1.isDone());
        out("cancel", f2.cancel());
        await(sleep(0));
        out("wrap_future_cancel", f1.isCancelled(), f2.isCancelled());

        f1 = new CompletableFuture<>();
        f2 = wrapFuture(f1);
        f1.complete(42);
        out("after set_result", f2.isDone());
        f2.cancel();
        await(sleep(0));
        out("wrap_future_cancel2", f1.isCancelled(), f1.getNow(null), f2.isCancelled());

        f1 = new CompletableFuture<>();
        f2 = wrapFuture(f1);
        f2.addDoneCallback(f -> log.add("f2 callback"));
        f1.complete("r");
        loop.callSoon(() -> log.add("soon"));
        out("result", f2.isDone());
        await(sleep(0));
        out("result", f2.isDone(), log);
        await(sleep(0));
        out("result", f2.result(), log);

        f1 = new CompletableFuture<>();
        f1.completeExceptionally(new NoSuchElementException("k"));
        // Done at once here, on purpose (awaiting a done CompletableFuture does not suspend); CPython's
        // wrap_future is done on the next iteration: not printed.
        f2 = wrapFuture(f1);
        try {
            await(f2);
        } catch (NoSuchElementException e) {
            out("done before wrap", d(e));
        }

        f1 = new CompletableFuture<>();
        f2 = wrapFuture(f1);
        f1.cancel(false);
        await(sleep(0));
        out("source cancelled", f2.isCancelled(), f2.isDone());
        try {
            await(f2);
        } catch (CancelledException e) {
            out("source cancelled", d(e));
        }

        ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        CompletableFuture<String> f3 = CompletableFuture.supplyAsync(() -> "oi", ex);
        out("from a thread", await(wrapFuture(f3)));
        ex.shutdown();
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
