package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import io.asyncj.Timeout;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** Cases ported from CPython 3.11's test_timeouts.py. */
public class TimeoutSuite {
    static Timeout cm;

    static void busy(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Async
    static Coroutine<Void> zero() {
        await(timeout(0, sleep(10)));
        return completed();
    }

    @Async
    static Coroutine<Void> zeroSleepZero() {
        await(timeout(0, sleep(0)));
        return completed();
    }

    @Async
    static Coroutine<Void> pastSleepZero() {
        await(timeout(-11, sleep(0)));
        return completed();
    }

    @Async
    static Coroutine<Void> raiser() {
        throw new NoSuchElementException("k");
    }

    @Async
    static Coroutine<Void> foreignExceptionPassed() {
        await(timeout(0.01, raiser()));
        return completed();
    }

    @Async
    static Coroutine<Void> crash() {
        try {
            await(sleep(1));
        } finally {
            throw new ArithmeticException("division by zero");
        }
    }

    @Async
    static Coroutine<Void> foreignExceptionOnTimeout() {
        await(timeout(0.01, crash()));
        return completed();
    }

    @Async
    static Coroutine<Void> selfCancelThenSleep(double s) {
        currentTask().cancel();
        await(sleep(s));
        return completed();
    }

    @Async
    static Coroutine<Void> foreignCancelNotExpired() {
        await(timeout(10, selfCancelThenSleep(10)));
        return completed();
    }

    @Async
    static Coroutine<Void> busyThenSleep(long ms) {
        busy(ms);
        await(sleep(1));
        return completed();
    }

    @Async
    static Coroutine<Void> nestedConcurrentBody() {
        try {
            await(timeout(0.5, busyThenSleep(50)));
        } catch (AsyncTimeoutException e) {
            out("  inner raised TimeoutError");
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> nestedConcurrent() {
        await(timeout(0.02, nestedConcurrentBody()));
        return completed();
    }

    @Async
    static Coroutine<Void> nestedLoopBusyBody() {
        try {
            await(timeout(0.01, busyThenSleep(50)));
        } catch (AsyncTimeoutException e) {
            out("  inner caught");
        }
        await(sleep(10));
        return completed();
    }

    @Async
    static Coroutine<Void> nestedLoopBusy() {
        await(timeout(0.2, nestedLoopBusyBody()));
        return completed();
    }

    @Async
    static Coroutine<Void> nestedInFinallyBody() {
        try {
            await(sleep(1));
        } finally {
            try {
                await(timeout(0.01, sleep(10)));
            } catch (AsyncTimeoutException e) {
                out("  finally's timeout");
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> nestedInFinally() {
        await(timeout(0.01, nestedInFinallyBody()));
        return completed();
    }

    @Async
    static Coroutine<Void> afterCancellation() {
        try {
            currentTask().cancel();
            await(sleep(1));
        } catch (CancelledException e) {
            // pass
        } finally {
            try {
                await(timeout(0.0, sleep(1)));
            } catch (AsyncTimeoutException e) {
                out("  cleanup timed out", currentTask().cancelling());
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> cancelInTimeoutAfterCancellation() {
        try {
            currentTask().cancel();
            await(sleep(1));
        } catch (CancelledException e) {
            // pass
        } finally {
            try {
                await(timeout(1.0, selfCancelThenSleep(2)));
            } catch (CancelledException e) {
                out("  cleanup cancelled", currentTask().cancelling());
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> fBody(Timeout t, Future<Timeout> fut) {
        fut.setResult(t);
        await(sleep(50));
        return completed();
    }

    @Async
    static Coroutine<Void> f(double deadline1, Future<Timeout> fut) {
        await(timeoutAt(deadline1, t -> fBody(t, fut)));
        return completed();
    }

    @Async
    static Coroutine<Void> reschedule() {
        EventLoop loop = getRunningLoop();
        Future<Timeout> fut = loop.createFuture();
        double deadline1 = loop.time() + 10;
        double deadline2 = deadline1 + 20;
        Task<Void> task = createTask(f(deadline1, fut));
        Timeout c = await(fut);
        out("  when", c.when() == deadline1);
        c.reschedule(deadline2);
        out("  when", c.when() == deadline2);
        c.reschedule(Double.NaN);
        out("  when", Double.isNaN(c.when()) ? null : c.when());
        task.cancel();
        try {
            await(task);
        } catch (CancelledException e) {
            out("  task cancelled", c.expired());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> reprStates() {
        try {
            await(timeout(0.01, t -> {
                cm = t;
                return sleep(10);
            }));
        } catch (AsyncTimeoutException e) {
            // pass
        }
        out("  ", cm);
        await(timeout(10, t -> {
            cm = t;
            return sleep(0);
        }));
        out("  ", cm);
        await(timeout(Double.NaN, t -> {
            out("  ", t);
            return completed();
        }));
        return completed();
    }

    @Async
    static Coroutine<Void> outcome(String name, Task<Void> t) {
        try {
            Object r = await(t);
            out(name, "returned", r);
        } catch (Throwable e) {
            out(name, "raised", d(e));
        }
        out(name, "cancelling", currentTask().cancelling());
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(outcome("zero", createTask(zero())));
        await(outcome("zero_sleep_zero", createTask(zeroSleepZero())));
        await(outcome("past_sleep_zero", createTask(pastSleepZero())));
        await(outcome("foreign_exception_passed", createTask(foreignExceptionPassed())));
        await(outcome("foreign_exception_on_timeout", createTask(foreignExceptionOnTimeout())));
        await(outcome("foreign_cancel_not_expired", createTask(foreignCancelNotExpired())));
        await(outcome("nested_concurrent", createTask(nestedConcurrent())));
        await(outcome("nested_loop_busy", createTask(nestedLoopBusy())));
        await(outcome("nested_in_finally", createTask(nestedInFinally())));
        await(outcome("after_cancellation", createTask(afterCancellation())));
        await(outcome("cancel_in_timeout_after_cancellation", createTask(cancelInTimeoutAfterCancellation())));
        await(outcome("reschedule", createTask(reschedule())));
        await(outcome("repr", createTask(reprStates())));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
