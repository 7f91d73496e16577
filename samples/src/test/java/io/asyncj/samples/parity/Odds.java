package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.InvalidStateException;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * sleep with a result; waitFor on futures and tasks (timeouts, timeout 0 with done and pending
 * futures); asCompleted with a timeout and with duplicates; what a task refuses; cancel twice
 * (the second message wins); a coroutine reused by a task; a future of another loop; gather of
 * nothing and of one task twice; allTasks.
 */
public class Odds {
    @Async
    static Coroutine<Object> value(Object x, double delay) {
        await(sleep(delay));
        return completed(x);
    }

    static List<String> names(Iterable<Task<?>> tasks) {
        List<String> n = new ArrayList<>();
        for (Task<?> t : tasks) {
            n.add(t.getName());
        }
        Collections.sort(n);
        return n;
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        out("sleep result", await(sleep(0.001, "r")), await(sleep(0)));
        // waitFor on futures
        Future<Object> fut = loop.createFuture();
        try {
            await(waitFor(fut, 0.01));
        } catch (AsyncTimeoutException e) {
            out("wait_for future timed out", d(e), fut.isCancelled());
        }
        fut = loop.createFuture();
        fut.setResult("done already");
        out("wait_for done future, timeout 0", await(waitFor(fut, 0)));
        fut = loop.createFuture();
        try {
            await(waitFor(fut, 0));
        } catch (AsyncTimeoutException e) {
            out("wait_for pending future, timeout 0", fut.isCancelled());
        }
        Future<Object> fut2 = loop.createFuture();
        loop.callLater(0.01, () -> fut2.setResult("in time"));
        out("wait_for future", await(waitFor(fut2, null)));
        Task<Object> t = createTask(value("task", 1));
        try {
            await(waitFor(t, 0.01));
        } catch (AsyncTimeoutException e) {
            out("wait_for task timed out", t.isCancelled());
        }
        fut = loop.createFuture();
        fut.setException(new NoSuchElementException("failed"));
        try {
            await(waitFor(fut, 0));
        } catch (NoSuchElementException e) {
            out("wait_for failed future, timeout 0", d(e));
        }
        // asCompleted with a timeout: the rest are not cancelled
        List<Task<Object>> tasks = List.of(createTask(value("slow", 0.2)), createTask(value("fast", 0.001)),
                createTask(value("mid", 0.01)));
        List<Object> got = new ArrayList<>();
        try {
            for (Coroutine<Object> c : asCompleted(tasks, 0.1)) {
                got.add(await(c));
            }
        } catch (AsyncTimeoutException e) {
            List<Boolean> cancelled = new ArrayList<>();
            for (Task<Object> x : tasks) {
                cancelled.add(x.isCancelled());
            }
            out("as_completed timed out", got, d(e), cancelled, tasks.get(0).isDone());
        }
        out("slow still finishes", await(tasks.get(0)));
        // asCompleted of done futures and duplicates
        Future<Object> f1 = loop.createFuture();
        f1.setResult(1);
        t = createTask(value(2, 0));
        got = new ArrayList<>();
        for (Coroutine<Object> c : asCompleted(List.of(f1, t, t, f1))) {
            got.add(await(c));
        }
        out("as_completed dups", got);
        // tasks: setResult/setException refused, result of a pending task, exception of a cancelled one
        t = createTask(value(3, 1));
        try {
            t.setResult(1);
        } catch (IllegalStateException e) {
            out("task set_result", d(e));
        }
        try {
            t.setException(new NoSuchElementException());
        } catch (IllegalStateException e) {
            out("task set_exception", d(e));
        }
        try {
            t.result();
        } catch (InvalidStateException e) {
            out("pending task result", d(e));
        }
        t.cancel("bye");
        out("cancelling", t.cancelling(), t.cancel(), t.cancelling());
        try {
            await(t);
        } catch (CancelledException e) {
            out("cancelled", d(e), t.isCancelled(), t.cancel(), t.cancelling());
        }
        try {
            t.exception();
        } catch (CancelledException e) {
            out("exception of cancelled task", "CancelledError");
        }
        // a coroutine awaited twice
        Coroutine<Object> c = value(4, 0);
        out("first", await(c));
        t = createTask(c);
        try {
            await(t);
        } catch (IllegalStateException e) {
            out("task of an awaited coroutine", d(e));
        }
        // a future of another loop
        EventLoop other = newEventLoop();
        Future<Object> ofut = other.createFuture();
        try {
            await(ofut);
        } catch (IllegalStateException e) {
            out("await a future of another loop", "RuntimeError");
        }
        other.close();
        // gather of nothing, of the same task twice
        out("gather nothing", await(gather()));
        t = createTask(value(5, 0));
        out("gather same task", await(gather(t, t)));
        // current task and all tasks
        Task<?> me = currentTask();
        t = createTask(value(6, 0), "worker");
        out("all tasks", names(allTasks()), allTasks().contains(me));
        await(t);
        out("after", names(allTasks()));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
