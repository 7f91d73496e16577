package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Handle;
import io.asyncj.InvalidStateException;
import io.asyncj.Task;
import io.asyncj.TimerHandle;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/** Callbacks and done callbacks in one FIFO queue, errors in callbacks to the handler, Future states. */
public class CallbacksAndFutures {
    static void badCallback(int x) {
        out("bad callback runs", x);
        throw new IllegalArgumentException("in callback " + x);
    }

    static int divide(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero"); // Python's message
        }
        return a / b;
    }

    @Async
    static Coroutine<Void> awaiter(String name, Future<String> fut) {
        try {
            out(name, "got", await(fut));
        } catch (RuntimeException e) {
            out(name, "raised", d(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        loop.setExceptionHandler((l, context) -> {
            Throwable exc = context.exception();
            out("handler:", context.message().split(" ")[0], exc != null ? d(exc) : null);
        });
        loop.callSoon(() -> badCallback(1));
        loop.callSoon(() -> out("after bad callback", currentTask() == null));
        Handle h = loop.callSoon(() -> out("never"));
        h.cancel();
        out("handle cancelled", h.isCancelled());
        await(sleep(0));
        await(sleep(0));
        Future<String> fut = loop.createFuture();
        fut.addDoneCallback(f -> out("cb1", f.result()));
        Task<Void> t1 = createTask(awaiter("t1", fut));
        fut.addDoneCallback(f -> out("cb2", f.result()));
        await(sleep(0));
        Task<Void> t2 = createTask(awaiter("t2", fut));
        loop.callSoon(() -> out("soon before set"));
        fut.setResult("value");
        loop.callSoon(() -> out("soon after set"));
        await(gather(t1, t2));
        fut.addDoneCallback(f -> out("cb3 late", f.isDone()));
        await(sleep(0));
        try {
            fut.setResult("2");
        } catch (InvalidStateException e) {
            out("set twice", "InvalidStateError");
        }
        Future<String> f2 = loop.createFuture();
        try {
            f2.result();
        } catch (InvalidStateException e) {
            out("pending result", d(e));
        }
        try {
            f2.exception();
        } catch (InvalidStateException e) {
            out("pending exception", d(e));
        }
        Consumer<Future<String>> removed = f -> out("removed cb ran");
        f2.addDoneCallback(removed);
        f2.addDoneCallback(removed);
        out("removed", f2.removeDoneCallback(removed));
        f2.addDoneCallback(f -> out(divide(1, 0)));
        f2.setException(new NoSuchElementException("k"));
        out("exception", d(f2.exception()));
        await(sleep(0));
        await(sleep(0));
        Future<String> f3 = loop.createFuture();
        f3.cancel("why");
        out("cancelled", f3.isCancelled(), f3.cancel());
        try {
            await(f3);
        } catch (CancelledException e) {
            out("await cancelled future", d(e));
        }
        try {
            f3.result();
        } catch (CancelledException e) {
            out("result again", d(e));
        }
        loop.callLater(0.001, () -> out("timer fired"));
        TimerHandle later = loop.callLater(0.002, () -> out("cancelled timer"));
        later.cancel();
        await(sleep(0.005));
        out("timer cancelled", later.isCancelled());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
