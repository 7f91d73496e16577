package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ExceptionGroup;
import io.asyncj.Task;
import io.asyncj.TaskGroup;

/** A TaskGroup's parent task cancelled while the group waits for its children, and while a child's failure is handled. */
public class GroupParentCancel {
    @Async
    static Coroutine<Void> child(String name, double delay, boolean fail) {
        try {
            await(sleep(delay));
        } catch (CancelledException e) {
            out(name, "cancelled");
            throw e;
        }
        if (fail) {
            throw new IllegalArgumentException(name);
        }
        out(name, "done");
        return completed();
    }

    @Async
    static Coroutine<Void> oneChild(TaskGroup tg) {
        tg.createTask(child("w", 1, false));
        return completed();
    }

    @Async
    static Coroutine<Void> exitsWaiting() {
        await(TaskGroup.run(tg -> oneChild(tg)));
        out("not reached");
        return completed();
    }

    @Async
    static Coroutine<Void> failing(TaskGroup tg) {
        tg.createTask(child("f", 0.05, true));
        await(sleep(0.005)); // one child pending at each abort: CPython's TaskGroup keeps a set
        tg.createTask(child("g", 1, false));
        await(sleep(1));
        return completed();
    }

    @Async
    static Coroutine<Void> failsAndCancelled() {
        await(TaskGroup.run(tg -> failing(tg)));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Void> t = createTask(exitsWaiting());
        await(sleep(0.01));
        t.cancel("parent");
        try {
            await(t);
        } catch (CancelledException e) {
            out("group in exit", d(e), t.isCancelled());
        }
        t = createTask(failsAndCancelled());
        await(sleep(0.1));
        out("f failed; now cancel the parent too");
        t.cancel();
        try {
            await(t);
        } catch (ExceptionGroup eg) {
            out("errors win", d(eg));
        } catch (CancelledException e) {
            out("cancellation won");
        }
        t = createTask(failsAndCancelled());
        await(sleep(0));
        t.cancel("early");
        try {
            await(t);
        } catch (ExceptionGroup eg) {
            out("errors win", d(eg));
        } catch (CancelledException e) {
            out("cancelled before the failure", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
