package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.NoSuchElementException;

/** Chains of awaiting coroutines and tasks: finally order, awaits in finally, cancellation passed down, timeout vs. outer cancel. */
public class Chains {
    @Async
    static Coroutine<String> level(int n, String action) {
        try {
            if (n == 0) {
                if (action.equals("raise")) {
                    await(sleep(0));
                    throw new IllegalArgumentException("deep");
                }
                return completed(await(sleep(1, "slept")));
            }
            return completed(await(level(n - 1, action)));
        } finally {
            out("finally", n);
            if (n == 1) {
                await(sleep(0));
                out("finally", n, "after await");
            }
        }
    }

    @Async
    static Coroutine<Void> finallyRaises() {
        try {
            await(level(1, "raise"));
        } finally {
            out("outer finally");
            await(sleep(0));
            throw new NoSuchElementException("replaced");
        }
    }

    @Async
    static Coroutine<Void> leaf(String name) {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            out(name, "cancelled", d(e));
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> awaitsTask(Task<Void> inner) {
        try {
            await(inner);
        } catch (CancelledException e) {
            out("awaiter cancelled", d(e));
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> both() {
        try {
            await(timeout(0, sleep(1))); // expires in the same iteration as the cancel below
        } catch (AsyncTimeoutException e) {
            out("timeout won");
        } catch (CancelledException e) {
            out("outer cancel won", d(e), currentTask().cancelling());
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(level(2, "raise"));
        } catch (IllegalArgumentException e) {
            out("caught", d(e));
        }
        Task<String> t = createTask(level(2, "sleep"));
        await(sleep(0));
        t.cancel("deep cancel");
        try {
            await(t);
        } catch (CancelledException e) {
            out("chain cancelled", d(e));
        }
        try {
            await(finallyRaises());
        } catch (NoSuchElementException e) {
            out("caught", d(e));
        }
        Task<Void> inner = createTask(leaf("inner"));
        Task<Void> outer = createTask(awaitsTask(inner));
        await(sleep(0));
        outer.cancel("through");
        await(gather(true, outer));
        out("inner cancelled too", inner.isCancelled(), inner.cancelling(), outer.cancelling());
        Task<Void> b = createTask(both());
        await(sleep(0));
        b.cancel("outer");
        await(gather(true, b));
        out("t", b.isCancelled());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
