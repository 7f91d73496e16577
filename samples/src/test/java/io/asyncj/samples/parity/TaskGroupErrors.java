package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ExceptionGroup;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** TaskGroup: errors aggregated in order, siblings and the body cancelled, a failing body, nesting. */
public class TaskGroupErrors {
    static Task<String> a, b, c, t1, t2;

    @Async
    static Coroutine<String> child(String name, double delay, RuntimeException fail) {
        try {
            await(sleep(delay));
            if (fail != null) {
                throw fail;
            }
            out("child done", name);
            return completed(name);
        } catch (CancelledException e) {
            out("child cancelled", name);
            throw e;
        } finally {
            out("child finally", name);
        }
    }

    @Async
    static Coroutine<Void> first(TaskGroup tg) {
        a = tg.createTask(child("a", 0.2, null));
        b = tg.createTask(child("b", 0.01, new IllegalArgumentException("b bad")));
        c = tg.createTask(child("c", 0.01, new NoSuchElementException("c bad")));
        out("names", a.getName(), b.getName(), c.getName());
        await(sleep(0.03));
        out("body after sleep");
        return completed();
    }

    @Async
    static Coroutine<Void> failingBody(TaskGroup tg) {
        tg.createTask(child("x", 0.05, null));
        await(sleep(0));
        throw new RuntimeException("body failed");
    }

    @Async
    static Coroutine<Void> fine(TaskGroup tg) {
        t1 = tg.createTask(child("ok1", 0.01, null));
        t2 = tg.createTask(child("ok2", 0, null));
        return completed();
    }

    @Async
    static Coroutine<Void> inner(TaskGroup tg) {
        tg.createTask(child("i", 0.01, new IllegalArgumentException("inner")));
        tg.createTask(child("j", 0.2, null));
        // The failure comes while the body waits: 3.11 would leave the count at 1 if it came after
        // the body (fixed in 3.12; asyncj's TaskGroup follows 3.13).
        await(sleep(0.03));
        out("not reached");
        return completed();
    }

    @Async
    static Coroutine<Void> outer(TaskGroup tg) {
        tg.createTask(child("o", 0.2, null));
        await(TaskGroup.run(t -> inner(t)));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(TaskGroup.run(tg -> first(tg)));
        } catch (ExceptionGroup eg) {
            List<String> values = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Throwable e : eg.exceptions()) {
                (e instanceof IllegalArgumentException ? values : keys).add(d(e));
            }
            if (!values.isEmpty()) {
                out("value errors", values);
            }
            if (!keys.isEmpty()) {
                out("key errors", keys);
            }
        }
        out("a", a.isCancelled(), "b", d(b.exception()));
        try {
            await(TaskGroup.run(tg -> failingBody(tg)));
        } catch (ExceptionGroup eg) {
            out("group", d(eg));
        }
        await(TaskGroup.run(tg -> fine(tg)));
        out("results", t1.result(), t2.result(), currentTask().cancelling());
        try {
            await(TaskGroup.run(tg -> outer(tg)));
        } catch (ExceptionGroup eg) {
            out("nested", d(eg));
        }
        out("cancelling", currentTask().cancelling());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
