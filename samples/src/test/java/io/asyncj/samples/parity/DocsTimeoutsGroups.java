package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ExceptionGroup;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import io.asyncj.Timeout;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The docs' "terminating a task group" example; timeouts whose body converts or delays the cancellation; TaskGroup misuse. */
public class DocsTimeoutsGroups {
    static class TerminateTaskGroup extends RuntimeException {
        TerminateTaskGroup() {
            super((String) null);
        }
    }

    static Timeout cm;
    static TaskGroup saved;
    static List<Task<Integer>> ts;

    @Async
    static Coroutine<Void> forceTerminateTaskGroup() {
        throw new TerminateTaskGroup();
    }

    @Async
    static Coroutine<Void> job(int taskId, double sleepTime) {
        out("Task " + taskId + ": start");
        await(sleep(sleepTime));
        out("Task " + taskId + ": done");
        return completed();
    }

    @Async
    static Coroutine<Void> converts() {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            throw new NoSuchElementException("converted");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> slowCleanup() {
        try {
            await(sleep(1));
        } finally {
            await(sleep(0.01));
            out("slow cleanup done");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> terminateBody(TaskGroup group) {
        group.createTask(job(1, 0.01));
        group.createTask(job(2, 0.1));
        await(sleep(0.04));
        group.createTask(forceTerminateTaskGroup());
        return completed();
    }

    @Async
    static Coroutine<Void> terminateExample() {
        try {
            await(TaskGroup.run(g -> terminateBody(g)));
        } catch (ExceptionGroup eg) {
            out("terminated");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> blocksPastDeadline(Timeout t) {
        cm = t;
        await(sleep(0));
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> inner() {
        await(timeout(1, sleep(1)));
        return completed();
    }

    @Async
    static Coroutine<Void> failingBody(TaskGroup tg) {
        saved = tg;
        tg.createTask(forceTerminateTaskGroup());
        await(sleep(0.01));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<?> me = currentTask();
        await(createTask(terminateExample()));
        try {
            await(timeout(0.01, converts()));
        } catch (AsyncTimeoutException e) {
            out("timeout");
        } catch (NoSuchElementException e) {
            out("foreign", d(e), me.cancelling());
        }
        try {
            await(timeout(0.01, t -> {
                cm = t;
                return slowCleanup();
            }));
        } catch (AsyncTimeoutException e) {
            out("slow", d(e), cm.expired(), me.cancelling());
        }
        try {
            await(timeout(0.05, t -> blocksPastDeadline(t)));
            out("no timeout", cm.expired());
        } catch (AsyncTimeoutException e) {
            out("timeout after body");
        }
        Task<Void> t = createTask(inner());
        await(sleep(0));
        t.cancel("foreign");
        try {
            await(t);
        } catch (CancelledException e) {
            out("foreign cancel", d(e));
        }
        await(TaskGroup.run(tg -> {
            saved = tg;
            return completed();
        }));
        try {
            saved.createTask(job(9, 0));
        } catch (IllegalStateException e) {
            out("finished group", e.getMessage().endsWith("is finished"));
        }
        try {
            await(TaskGroup.run(tg -> failingBody(tg)));
        } catch (ExceptionGroup eg) {
            out("eg", d(eg));
            try {
                saved.createTask(job(9, 0));
            } catch (IllegalStateException e) {
                String[] words = e.getMessage().split(" ");
                out("after failure", words[words.length - 1]);
            }
        }
        try {
            await(TaskGroup.run(tg -> {
                tg.createTask(slowCleanup());
                tg.createTask(forceTerminateTaskGroup());
                return completed();
            }));
        } catch (ExceptionGroup eg) {
            out("after slow cleanup", eg.exceptions().size());
        }
        try {
            await(TaskGroup.run(tg -> {
                tg.createTask(converts());
                tg.createTask(forceTerminateTaskGroup());
                return completed();
            }));
        } catch (ExceptionGroup eg) {
            List<String> names = new ArrayList<>();
            for (Throwable e : eg.exceptions()) {
                names.add(pythonName(e));
            }
            names.sort(null);
            out("both errors", names);
        }
        try {
            await(TaskGroup.run(tg -> {
                tg.createTask(converts());
                tg.createTask(forceTerminateTaskGroup());
                return completed();
            }));
        } catch (ExceptionGroup eg) { // except* TerminateTaskGroup ... except* KeyError ...
            ExceptionGroup.Split terminate = eg.split(TerminateTaskGroup.class);
            if (terminate.match() != null) {
                out("terminate part", d(terminate.match()));
            }
            ExceptionGroup.Split key = terminate.rest() == null ? null : terminate.rest().split(NoSuchElementException.class);
            if (key != null && key.match() != null) {
                out("key part", d(key.match()));
            }
        }
        await(TaskGroup.run(tg -> {
            ts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ts.add(tg.createTask(sleep(0.01 * i, i)));
            }
            return completed();
        }));
        List<Integer> rs = new ArrayList<>();
        for (Task<Integer> x : ts) {
            rs.add(x.result());
        }
        out("results", rs);
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
