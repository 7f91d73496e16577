package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncLock;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.InvalidStateException;
import io.asyncj.Task;
import io.asyncj.Timeout;
import java.util.NoSuchElementException;

/** The messages of misuse: completing a task by hand, completing a future twice, moving a finished timeout, and the like. */
public class Messages {
    static Timeout cm;

    @Async
    static Coroutine<Integer> value() {
        return completed(1);
    }

    @Async
    static Coroutine<Integer> keep(Timeout t) {
        cm = t;
        return value();
    }

    @Async
    static Coroutine<Void> main() {
        Task<Integer> t = createTask(value());
        try {
            t.setResult(2);
        } catch (IllegalStateException e) {
            out("set_result", d(e));
        }
        try {
            t.setException(new IllegalArgumentException());
        } catch (IllegalStateException e) {
            out("set_exception", d(e));
        }
        try {
            t.result();
        } catch (InvalidStateException e) {
            out("pending task", d(e));
        }
        await(t);
        Future<Integer> f = getRunningLoop().createFuture();
        f.setResult(1);
        try {
            f.setResult(2);
        } catch (InvalidStateException e) {
            out("twice", d(e));
        }
        Future<Integer> g = getRunningLoop().createFuture();
        g.cancel();
        try {
            g.setException(new NoSuchElementException("k"));
        } catch (InvalidStateException e) {
            out("cancelled", d(e));
        }
        await(timeout(1, x -> keep(x)));
        try {
            cm.reschedule(Double.NaN);
        } catch (IllegalStateException e) {
            out("reschedule", d(e));
        }
        try {
            new AsyncBarrier(0);
        } catch (IllegalArgumentException e) {
            out("barrier", d(e));
        }
        AsyncLock lock = new AsyncLock();
        try {
            lock.release();
        } catch (IllegalStateException e) {
            out("lock", d(e));
        }
        AsyncCondition cond = new AsyncCondition();
        try {
            await(cond.waitAsync());
        } catch (IllegalStateException e) {
            out("condition", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
