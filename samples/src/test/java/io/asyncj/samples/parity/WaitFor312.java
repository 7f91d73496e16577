package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;

/** waitFor as 3.12 made it (asyncj's): a coroutine runs inline, in the waiting task; cancelling the waiter passes the message on. */
public class WaitFor312 {
    @Async
    static Coroutine<String> who() {
        return completed(currentTask().getName());
    }

    @Async
    static Coroutine<Void> slow(String name) {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            out(name, "cancelled with", d(e));
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> waiter(Task<Void> aw) {
        try {
            await(waitFor(aw, 1));
        } catch (CancelledException e) {
            out("waiter", d(e));
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<String> stubborn() {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            return completed("kept");
        }
        return completed("slept");
    }

    @Async
    static Coroutine<Void> main() {
        out("inline", await(waitFor(who(), 1)), currentTask().getName());
        Task<String> t = createTask(who());
        out("a task", await(waitFor(t, 1)).equals(t.getName()));
        Task<Void> inner = createTask(slow("inner"));
        Task<Void> w = createTask(waiter(inner));
        await(sleep(0));
        w.cancel("stop it");
        await(gather(true, w));
        out("inner cancelled", inner.isCancelled());
        out("stubborn", await(waitFor(stubborn(), 0.01)));
        try {
            await(waitFor(slow("timed"), 0.01));
        } catch (AsyncTimeoutException e) {
            out("timeout", d(e), e.getCause().getClass().getSimpleName().replace("CancelledException", "CancelledError"),
                    currentTask().cancelling());
        }
        out("next name", createTask(who()).getName());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
