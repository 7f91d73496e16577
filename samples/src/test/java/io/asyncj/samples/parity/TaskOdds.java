package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncQueue;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.List;

/**
 * Odds from test_tasks.py and test_queues.py that the suites leave out: set_result/set_exception
 * on a task, cancel/uncancel of a done task, a negative sleep, a negative maxsize, an empty
 * gather, wait_for without a timeout, task names. The task's repr is compared without its coro=
 * part (CPython prints the coroutine's source position, and keeps printing it once the task is
 * done, where asyncj drops the coroutine), and the result part on its own.
 */
public class TaskOdds {
    static String rs(Object t) {
        String s = t.toString().split(" (?:coro|result|exception)=")[0];
        return s.endsWith(">") ? s.substring(0, s.length() - 1) : s;
    }

    @Async
    static Coroutine<Integer> c() {
        return completed(1);
    }

    @Async
    static Coroutine<Void> main() {
        Task<Integer> t = createTask(c());
        try {
            t.setResult(1);
        } catch (IllegalStateException e) {
            out("task set_result", d(e));
        }
        try {
            t.setException(new IllegalArgumentException());
        } catch (IllegalStateException e) {
            out("task set_exception", d(e));
        }
        out("task", await(t), rs(t));
        out("done task", t.cancel(), t.uncancel(), t.cancelling(), t.isCancelled());
        await(sleep(-1));
        out("negative sleep", await(sleep(-1, "r")));
        AsyncQueue<Integer> q = new AsyncQueue<>(-1);
        q.putNowait(1);
        q.putNowait(2);
        out("negative maxsize", q.full(), q.maxsize(), q.qsize());
        out("wait_for None", await(waitFor(sleep(0.01, "x"), (java.time.Duration) null)));
        Future<List<Object>> g = gather();
        out("empty gather", g.isDone(), g.result(), g.toString());
        t = createTask(c(), "n1");
        out("name", t.getName());
        t.setName("n2");
        out("name", t.getName(), rs(t));
        await(t);
        out("name", rs(t));
        Task<String> ts = createTask(sleep(0, "abc"));
        await(ts);
        String r = ts.toString();
        out("result repr", rs(ts), r.substring(r.lastIndexOf(" result=")));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
