package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.List;

/** Cancelling from outside a task that sits in a TaskGroup, a gather, a timeout, waitFor, Condition.wait. */
public class StructuredCancellation {
    @Async
    static Coroutine<String> child(String name, double delay) {
        try {
            await(sleep(delay));
            out(name, "done");
            return completed(name);
        } catch (CancelledException e) {
            out(name, "cancelled", d(e));
            throw e;
        }
    }

    @Async
    static Coroutine<Void> groupInside(TaskGroup tg, int n) {
        tg.createTask(child("g" + n + "a", 1));
        tg.createTask(child("g" + n + "b", 0)); // done before the abort: CPython's TaskGroup keeps its tasks in a set
        out("body waits");
        await(sleep(1));
        return completed();
    }

    @Async
    static Coroutine<Void> groupBody(int n) {
        await(TaskGroup.run(tg -> groupInside(tg, n)));
        out("not reached");
        return completed();
    }

    @Async
    static Coroutine<List<String>> gatherBody() {
        return completed(await(gather(child("x", 1), child("y", 1))));
    }

    @Async
    static Coroutine<Void> selfCancel(TaskGroup tg) {
        tg.createTask(child("sib", 0.01));
        Task<String> t = tg.createTask(child("victim", 1));
        await(sleep(0));
        t.cancel();
        out("victim cancelled alone");
        return completed();
    }

    @Async
    static Coroutine<Void> condWaiter(AsyncCondition cond, AsyncLock lock) {
        await(cond.acquire());
        try {
            try {
                await(cond.waitAsync());
            } catch (CancelledException e) {
                out("cond waiter cancelled, holds lock:", lock.locked());
                throw e;
            }
        } finally {
            cond.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> t = createTask(groupBody(1));
        await(sleep(0.01));
        t.cancel("from outside");
        try {
            await(t);
        } catch (CancelledException e) {
            out("group task", d(e), t.isCancelled());
        }
        Task<List<String>> tg = createTask(gatherBody());
        await(sleep(0.01));
        tg.cancel("stop gather");
        try {
            await(tg);
        } catch (CancelledException e) {
            out("gather task", d(e), tg.isCancelled());
        }
        try {
            await(timeout(0.01, groupBody(2)));
        } catch (AsyncTimeoutException e) {
            out("timeout around group", d(e), currentTask().cancelling());
        }
        await(TaskGroup.run(g -> selfCancel(g)));
        out("group survived a cancelled child");
        Task<String> inner = createTask(child("w", 1));
        Task<String> w = createTask(waitFor(inner, 0.5));
        await(sleep(0.01));
        // No message: 3.11's wait_for cancels the inner task without it, 3.12's (asyncj's) passes it on.
        w.cancel();
        try {
            await(w);
        } catch (CancelledException e) {
            out("wait_for cancelled", d(e), inner.isCancelled());
        }
        AsyncLock lock = new AsyncLock();
        AsyncCondition cond = new AsyncCondition(lock);
        Task<Void> c = createTask(condWaiter(cond, lock));
        await(sleep(0));
        c.cancel();
        await(gather(true, c));
        out("lock after", lock.locked());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
