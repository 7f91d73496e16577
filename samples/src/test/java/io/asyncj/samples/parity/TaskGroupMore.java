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
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/** TaskGroup: children that clean up slowly or turn their cancellation into an error, late failures, spawning, a failing body. */
public class TaskGroupMore {
    static Task<Integer> first;

    @Async
    static Coroutine<Void> slowCleanup(String name) {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            out(name, "cleaning up");
            await(sleep(0.01));
            out(name, "cleaned up");
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> fail(String name, double delay, RuntimeException exc) {
        await(sleep(delay));
        out(name, "fails");
        throw exc;
    }

    @Async
    static Coroutine<Void> converts(String name) {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            throw new NoSuchElementException(name + " converted");
        }
        return completed();
    }

    @Async
    static Coroutine<Integer> spawner(TaskGroup tg, int n) {
        if (n > 0) {
            tg.createTask(spawner(tg, n - 1), "spawned-" + n);
        }
        await(sleep(0));
        out("spawner", n, currentTask().getName());
        return completed(n);
    }

    static List<String> ds(ExceptionGroup eg) {
        List<String> r = new ArrayList<>();
        for (Throwable e : eg.exceptions()) {
            r.add(d(e));
        }
        return r;
    }

    @Async
    static Coroutine<Void> four(TaskGroup tg) {
        tg.createTask(slowCleanup("s"));
        tg.createTask(converts("c"));
        tg.createTask(fail("f", 0.01, new IllegalArgumentException("first")));
        tg.createTask(fail("g", 0.01, new IllegalArgumentException("second")));
        return completed();
    }

    @Async
    static Coroutine<Void> late(TaskGroup tg) {
        tg.createTask(fail("late", 0.01, new IllegalArgumentException("after body")));
        return completed();
    }

    @Async
    static Coroutine<Void> spawn(TaskGroup tg) {
        first = tg.createTask(spawner(tg, 3), "root");
        return completed();
    }

    @Async
    static Coroutine<Void> quick(TaskGroup tg) {
        tg.createTask(fail("quick", 0, new IllegalArgumentException("quick")));
        out("body keeps going");
        await(sleep(0));
        out("never printed");
        return completed();
    }

    @Async
    static Coroutine<Void> failingBody(TaskGroup tg) {
        tg.createTask(slowCleanup("s2"));
        await(sleep(0));
        throw new NoSuchElementException("body");
    }

    @Async
    static Coroutine<Void> main() {
        try {
            await(TaskGroup.run(tg -> four(tg)));
        } catch (ExceptionGroup eg) {
            out("errors", ds(eg));
        }
        try {
            await(TaskGroup.run(tg -> late(tg)));
        } catch (ExceptionGroup eg) {
            out("errors", ds(eg));
        }
        await(TaskGroup.run(tg -> spawn(tg)));
        List<String> names = new ArrayList<>();
        for (Task<?> t : allTasks()) {
            names.add(t.getName());
        }
        Collections.sort(names);
        out("spawned", first.result(), names);
        try {
            await(TaskGroup.run(tg -> quick(tg)));
        } catch (ExceptionGroup eg) {
            out("errors", ds(eg));
        }
        try {
            await(TaskGroup.run(tg -> failingBody(tg)));
        } catch (ExceptionGroup eg) {
            out("body error", d(eg));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
