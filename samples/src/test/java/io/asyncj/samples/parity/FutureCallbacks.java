package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.ExceptionContext;
import io.asyncj.Future;
import io.asyncj.Handle;
import io.asyncj.InvalidStateException;
import io.asyncj.Task;
import io.asyncj.TimerHandle;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Done callbacks among call_soon callbacks, callbacks added late, removeDoneCallback, a cancelled
 * future's result/exception/set*, errors in callbacks and in the handler itself,
 * callExceptionHandler, done callbacks of tasks, cancelling handles before and after they ran.
 */
public class FutureCallbacks {
    static Handle h4;

    @Async
    static Coroutine<Integer> work(int x) {
        await(sleep(0));
        if (x < 0) {
            throw new IllegalArgumentException(String.valueOf(x));
        }
        return completed(x);
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        out("default handler", loop.getExceptionHandler());
        BiConsumer<EventLoop, ExceptionContext> handler = (l, context) -> {
            Throwable exc = context.exception();
            out("handler:", context.message().split(" ")[0], exc != null ? d(exc) : null);
            if (exc != null && "raise in handler".equals(exc.getMessage())) {
                throw new IllegalArgumentException("from the handler");
            }
        };
        loop.setExceptionHandler(handler);
        out("handler set", loop.getExceptionHandler() == handler);

        // the order of done callbacks and callSoon callbacks
        Future<String> fut = loop.createFuture();
        loop.callSoon(() -> out("soon 1"));
        fut.addDoneCallback(f -> out("done cb a", f.result()));
        fut.addDoneCallback(f -> out("done cb b", f.result()));
        loop.callSoon(() -> out("soon 2"));
        Future<String> fut1 = fut;
        loop.callSoon(() -> fut1.setResult("R"));
        loop.callSoon(() -> out("soon 3"));
        await(sleep(0));
        out("after one iteration", fut.isDone());
        fut.addDoneCallback(f -> out("late cb"));
        loop.callSoon(() -> out("soon 4"));
        await(sleep(0));
        await(sleep(0));

        // removing callbacks
        fut = loop.createFuture();
        Consumer<Future<String>> cb = f -> out("cb runs", f.isCancelled());
        fut.addDoneCallback(cb);
        fut.addDoneCallback(f -> out("other runs"));
        fut.addDoneCallback(cb);
        out("removed", fut.removeDoneCallback(cb), fut.removeDoneCallback(cb));
        fut.addDoneCallback(cb);
        out("cancel", fut.cancel("stop"), fut.cancel());
        out("remove after done", fut.removeDoneCallback(cb));
        await(sleep(0));
        try {
            fut.result();
        } catch (CancelledException e) {
            out("result", d(e));
        }
        try {
            fut.exception();
        } catch (CancelledException e) {
            out("exception", d(e));
        }
        try {
            fut.setResult("1");
        } catch (InvalidStateException e) {
            out("set_result after cancel", d(e));
        }
        try {
            fut.setException(new NoSuchElementException("k"));
        } catch (InvalidStateException e) {
            out("set_exception after cancel", d(e));
        }

        // errors in callbacks go to the handler; the loop goes on
        fut = loop.createFuture();
        fut.addDoneCallback(f -> out("first sees", d(f.exception())));
        fut.addDoneCallback(f -> f.result());
        fut.addDoneCallback(f -> out("third still runs"));
        fut.setException(new NoSuchElementException("in future"));
        await(sleep(0));
        loop.callSoon(() -> {
            throw new NoSuchElementException("raise in handler");
        });
        loop.callSoon(() -> out("after the handler raised"));
        await(sleep(0));
        loop.callExceptionHandler(new ExceptionContext("custom message", new IndexError("ix")));
        loop.callExceptionHandler(new ExceptionContext("no exception", null));

        // done callbacks of tasks
        Task<Integer> t = createTask(work(5));
        t.addDoneCallback(x -> out("task cb", x.result(), x.isDone()));
        Task<Integer> t2 = createTask(work(-1));
        t2.addDoneCallback(x -> out("task2 cb", d(x.exception())));
        Task<Integer> t3 = createTask(work(1));
        t3.addDoneCallback(x -> out("task3 cb", x.isCancelled()));
        t3.cancel();
        await(Asyncio.wait(List.of(t, t2, t3)));
        await(sleep(0));

        // handles
        Handle h1 = loop.callSoon(() -> out("h1"));
        loop.callSoon(() -> out("h2"));
        loop.callSoon(() -> {
            out("cancelling h4");
            h4.cancel();
        });
        h4 = loop.callSoon(() -> out("h4"));
        await(sleep(0));
        out("h1", h1.isCancelled(), "h4", h4.isCancelled());
        h1.cancel();
        out("cancel after run", h1.isCancelled());
        TimerHandle th = loop.callLater(0.001, () -> out("timer"));
        await(sleep(0.01));
        th.cancel();
        out("timer cancelled after firing", th.isCancelled());
        loop.setExceptionHandler(null);
        out("handler reset", loop.getExceptionHandler());
        return completed();
    }

    /** Python's IndexError. */
    static final class IndexError extends RuntimeException {
        IndexError(String m) {
            super(m);
        }
    }

    public static void main(String[] args) {
        go(main());
    }
}
