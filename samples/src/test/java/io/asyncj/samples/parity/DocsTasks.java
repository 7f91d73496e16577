package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.InvalidStateException;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import io.asyncj.Timeout;
import io.asyncj.WaitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The examples of the asyncio docs' "Coroutines and Tasks" page, ported, with their documented edges. */
public class DocsTasks {
    static Timeout cm;
    static Task<String> t1, t2;

    @Async
    static Coroutine<String> sayAfter(double delay, String what) {
        await(sleep(delay));
        out(what);
        return completed(what);
    }

    @Async
    static Coroutine<Integer> factorial(String name, int number) {
        int f = 1;
        for (int i = 2; i < number + 1; i++) {
            out("Task " + name + ": Compute factorial(" + number + "), currently i=" + i + "...");
            await(sleep(0.01 * (1 + (name.charAt(0) - 'A') * 0.3)));
            f *= i;
        }
        out("Task " + name + ": factorial(" + number + ") = " + f);
        return completed(f);
    }

    @Async
    static Coroutine<Void> eternity() {
        await(sleep(3600));
        out("yay!");
        return completed();
    }

    @Async
    static Coroutine<Void> cancelMe() {
        out("cancel_me(): before sleep");
        try {
            await(sleep(3600));
        } catch (CancelledException e) {
            out("cancel_me(): cancel sleep");
            throw e;
        } finally {
            out("cancel_me(): after sleep");
        }
        return completed();
    }

    @Async
    static Coroutine<Integer> foo() {
        return completed(42);
    }

    @Async
    static Coroutine<Void> longRunningTask() {
        await(sleep(3600));
        return completed();
    }

    @Async
    static Coroutine<Void> tgBody(TaskGroup tg) {
        t1 = tg.createTask(sayAfter(0.01, "tg hello"));
        t2 = tg.createTask(sayAfter(0.03, "tg world"));
        out("started");
        return completed();
    }

    @Async
    static Coroutine<Void> rescheduled(Timeout t) {
        cm = t;
        double newDeadline = getRunningLoop().time() + 0.01;
        t.reschedule(newDeadline);
        await(longRunningTask());
        return completed();
    }

    static Object ex(Object x) {
        return x instanceof Throwable e ? d(e) : x;
    }

    @Async
    static Coroutine<Void> main() {
        await(sayAfter(0.01, "hello"));
        await(sayAfter(0.02, "world"));
        Task<String> task1 = createTask(sayAfter(0.02, "hello2"));
        Task<String> task2 = createTask(sayAfter(0.04, "world2"));
        await(task1);
        await(task2);
        await(TaskGroup.run(tg -> tgBody(tg)));
        out("Both tasks have completed now: " + t1.result() + ", " + t2.result());
        List<Integer> l = await(gather(factorial("A", 2), factorial("B", 3), factorial("C", 4)));
        out(l);
        try {
            await(waitFor(eternity(), 0.01));
        } catch (AsyncTimeoutException e) {
            out("timeout!");
        }
        Task<Void> task = createTask(cancelMe());
        await(sleep(0.01));
        task.cancel();
        try {
            await(task);
        } catch (CancelledException e) {
            out("main(): cancel_me is cancelled now");
        }
        out(task.isDone(), task.isCancelled());
        try {
            task.result();
        } catch (CancelledException e) {
            out("result", d(e));
        }
        try {
            task.exception();
        } catch (CancelledException e) {
            out("exception", d(e));
        }
        Task<Integer> ft = createTask(foo());
        WaitResult<Integer> dp = await(Asyncio.wait(List.of(ft)));
        if (dp.done().contains(ft)) {
            out("task in done", dp.done().size(), dp.pending().size(), ft.result(), ft.exception());
        }
        try {
            await(timeout(0.01, longRunningTask()));
        } catch (AsyncTimeoutException e) {
            out("The long operation timed out, but we've handled it.");
        }
        out("This statement will run regardless.");
        try {
            await(timeout(Double.NaN, t -> rescheduled(t)));
        } catch (AsyncTimeoutException e) {
            // pass
        }
        if (cm.expired()) {
            out("Looks like we haven't finished on time.");
        }
        EventLoop loop = getRunningLoop();
        double deadline = loop.time() + 0.01;
        try {
            await(timeoutAt(deadline, longRunningTask()));
        } catch (AsyncTimeoutException e) {
            out("timeout_at: timed out, handled");
        }
        List<String> results = new ArrayList<>();
        for (Coroutine<String> coro : asCompleted(List.of(sayAfter(0.03, "c"), sayAfter(0.01, "a"), sayAfter(0.02, "b")))) {
            results.add(await(coro));
        }
        out("as_completed", results);
        Task<String> t = createTask(sayAfter(0.01, "pending"), "worker");
        out(t.getName(), t.isDone(), t.isCancelled());
        try {
            t.result();
        } catch (InvalidStateException e) {
            out("result", d(e));
        }
        try {
            t.exception();
        } catch (InvalidStateException e) {
            out("exception", d(e));
        }
        t.setName("renamed");
        out(t.getName(), currentTask().getName(), allTasks().contains(t));
        await(t);
        out(t.getName(), t.isDone(), allTasks().contains(t));
        Task<String> c = createTask(sayAfter(1, "never"));
        Task<String> ok = createTask(sayAfter(0.01, "ok"));
        Future<List<Object>> g = gather(true, c, ok);
        await(sleep(0));
        c.cancel("child msg");
        List<Object> gl = new ArrayList<>();
        for (Object x : await(g)) {
            gl.add(ex(x));
        }
        out("gather", gl);
        c = createTask(sayAfter(1, "never"));
        Future<List<String>> g2 = gather(c, sayAfter(0.01, "ok2"));
        await(sleep(0));
        c.cancel();
        try {
            await(g2);
        } catch (CancelledException e) {
            out("gather raised", d(e), g2.isCancelled(), g2.isDone());
        }
        Task<String> a = createTask(sayAfter(1, "never"));
        g2 = gather(a, sayAfter(1, "never2"));
        await(sleep(0));
        out("cancel gather", g2.cancel("stop"));
        try {
            await(g2);
        } catch (CancelledException e) {
            out("gather cancelled", d(e), a.isCancelled(), g2.isCancelled());
        }
        Task<String> inner = createTask(sayAfter(0.02, "shielded"));
        Future<String> outer = shield(inner);
        await(sleep(0));
        outer.cancel();
        try {
            await(outer);
        } catch (CancelledException e) {
            out("outer cancelled", inner.isCancelled());
        }
        out("inner", await(inner));
        out("sleep result", await(sleep(0, "r")), await(sleep(0.01, 5)));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
