package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;

/** Cancel messages: which one wins, who sees it, and what result()/exception() raise. */
public class CancelMessages {
    @Async
    static Coroutine<Void> worker(String name) {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            out(name, "caught", d(e), currentTask().cancelling());
            throw e;
        } finally {
            out(name, "finally");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> t = createTask(worker("w1"));
        await(sleep(0));
        out("cancel", t.cancel("first"), t.cancel("second"), t.cancelling());
        try {
            await(t);
        } catch (CancelledException e) {
            out("main caught", d(e), currentTask().cancelling());
        }
        out(t.isCancelled(), t.isDone(), t.cancel("again"), t.cancelling());
        Task<Void> t2 = createTask(worker("w2"));
        out(t2.cancel("before start"), t2.getName(), t2.cancelling());
        try {
            await(t2);
        } catch (CancelledException e) {
            out("t2", d(e));
        }
        try {
            t2.result();
        } catch (CancelledException e) {
            out("result", d(e));
        }
        try {
            t2.exception();
        } catch (CancelledException e) {
            out("exception", d(e));
        }
        Task<Void> t3 = createTask(worker("w3"));
        await(sleep(0));
        t3.cancel();
        await(sleep(0));
        out("t3 done after one step", t3.isDone(), t3.isCancelled());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
