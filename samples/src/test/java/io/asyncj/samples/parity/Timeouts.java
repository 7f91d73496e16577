package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import io.asyncj.Timeout;

/** timeout scopes that fire and do not, nested scopes, reschedule, waitFor on a coroutine and a task. */
public class Timeouts {
    static Timeout cm;

    @Async
    static Coroutine<String> body(String name, double delay) {
        try {
            await(sleep(delay));
            out(name, "finished");
            return completed(name);
        } catch (CancelledException e) {
            out(name, "cancelled inside", d(e));
            throw e;
        } finally {
            out(name, "finally");
        }
    }

    @Async
    static Coroutine<String> keep(Timeout t, String name, double delay) {
        cm = t;
        return body(name, delay);
    }

    @Async
    static Coroutine<Void> innerScope() {
        try {
            await(timeout(0.01, body("inner2", 1)));
        } catch (AsyncTimeoutException e) {
            out("inner scope", d(e));
        }
        out("outer continues", currentTask().cancelling());
        return completed();
    }

    @Async
    static Coroutine<String> moved(Timeout t) {
        cm = t;
        out("when", Double.isNaN(t.when()) ? null : t.when()); // NaN is asyncj's None
        t.reschedule(getRunningLoop().time() + 0.01);
        return body("moved", 1);
    }

    @Async
    static Coroutine<Void> main() {
        Task<?> me = currentTask();
        try {
            await(timeout(0.01, t -> keep(t, "slow", 1)));
        } catch (AsyncTimeoutException e) {
            out("outer", d(e), e.getCause().getClass().getSimpleName().replace("CancelledException", "CancelledError"),
                    cm.expired(), me.cancelling());
        }
        out("fast", await(timeout(0.5, t -> keep(t, "fast", 0))));
        out("expired", cm.expired());
        try {
            await(timeout(0.5, timeout(0.01, body("inner", 1))));
        } catch (AsyncTimeoutException e) {
            out("wrong scope");
        }
        try {
            await(timeout(0.5, innerScope()));
        } catch (AsyncTimeoutException e) {
            out("outer expired?");
        }
        try {
            out("wait_for", await(waitFor(body("wf", 0), 0.5)));
            await(waitFor(body("wf2", 1), 0.01));
        } catch (AsyncTimeoutException e) {
            out("wait_for timeout", d(e), me.cancelling());
        }
        try {
            await(timeout(Double.NaN, t -> moved(t)));
        } catch (AsyncTimeoutException e) {
            out("rescheduled timeout", cm.expired());
        }
        Task<String> t = createTask(body("victim", 1));
        await(sleep(0));
        try {
            await(waitFor(t, 0.01));
        } catch (AsyncTimeoutException e) {
            out("task cancelled by wait_for", t.isCancelled());
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
