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
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cases ported from CPython 3.11's test_waitfor.py, those whose outcome 3.12's wait_for (which
 * asyncj follows) keeps; the twin prints the same under 3.11, 3.12 and 3.13. The chained
 * CancelledError is the TimeoutError's {@code __context__} in the twin and its cause here.
 */
public class WaitForSuite {
    static final double EPSILON = 0.0001;
    static final double TASK_TIMEOUT = 0.1;

    static boolean exited;
    static int cancels;
    static List<Object> started = new ArrayList<>();
    static List<Object> running = new ArrayList<>();
    static List<Object> taskDone = new ArrayList<>();
    static Future<Void> st;

    static String cause(Throwable e) {
        return e.getCause() == null ? "NoneType" : pythonName(e.getCause());
    }

    @Async
    static Coroutine<Void> slowRun() {
        exited = false;
        cancels = 0;
        double exitat = System.nanoTime() / 1e9 + TASK_TIMEOUT;
        while (true) {
            double tosleep = exitat - System.nanoTime() / 1e9;
            if (tosleep <= 0) {
                break;
            }
            try {
                await(sleep(tosleep));
            } catch (CancelledException e) {
                cancels++;
            }
        }
        exited = true;
        return completed();
    }

    @Async
    static Coroutine<Void> foo0() {
        started.add(true);
        return completed();
    }

    @Async
    static Coroutine<String> foo() {
        running.add(true);
        if (st != null) {
            st.setResult(null);
        }
        try {
            await(sleep(10));
        } finally {
            running.add(false);
        }
        return completed("done");
    }

    @Async
    static Coroutine<String> coro() {
        return completed("done");
    }

    @Async
    static Coroutine<Integer> inner() {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            out("cancellation_race_condition", "inner cancelled", d(e));
        }
        return completed(1);
    }

    @Async
    static Coroutine<Void> inner2() {
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            await(sleep(EPSILON));
            throw e;
        } finally {
            taskDone.add(true);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> foo3() {
        Task<Void> innerTask = createTask(inner2());
        await(sleep(EPSILON));
        await(waitFor(innerTask, 0));
        return completed();
    }

    @Async
    static Coroutine<Void> raisingInner() {
        try {
            await(sleep(0.2));
        } finally {
            throw new NoSuchElementException("foo");
        }
    }

    @Async
    static Coroutine<Void> foo4() {
        Task<Void> innerTask = createTask(raisingInner());
        await(waitFor(innerTask, EPSILON));
        return completed();
    }

    @Async
    static Coroutine<Void> blockingCoroutine() {
        await(getRunningLoop().createFuture());
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        Task<Void> waitfortask = createTask(waitFor(slowRun(), TASK_TIMEOUT * 2));
        await(sleep(0));
        waitfortask.cancel();
        await(Asyncio.wait(List.of(waitfortask)));
        out("wait_for_cancelled", exited, cancels);

        try {
            await(waitFor(slowRun(), TASK_TIMEOUT / 2));
            out("wait_for_timeout", "no timeout");
        } catch (AsyncTimeoutException e) {
            out("wait_for_timeout", d(e));
        }
        out("wait_for_timeout", exited, cancels);

        Future<String> fut = loop.createFuture();
        fut.setResult("done");
        out("timeout_0_future_done", await(waitFor(fut, 0)), fut.isDone());

        try {
            await(waitFor(foo0(), 0));
        } catch (AsyncTimeoutException e) {
            out("timeout_0_coroutine_not_started", d(e), started);
        }

        for (int timeout : new int[] {0, -1}) {
            running = new ArrayList<>();
            st = loop.createFuture();
            Task<String> t = createTask(foo());
            await(st);
            try {
                await(waitFor(t, timeout));
            } catch (AsyncTimeoutException e) {
                out("timeout_less_than_0_or_0", timeout, d(e), cause(e));
            }
            out("timeout_less_than_0_or_0", t.isDone(), t.isCancelled(), running);
        }
        st = null;

        running = new ArrayList<>();
        Task<String> t = createTask(foo());
        try {
            await(waitFor(t, 0.01));
        } catch (AsyncTimeoutException e) {
            out("wait_for", d(e));
        }
        out("wait_for", t.isDone(), t.isCancelled(), running);

        out("wait_for_blocking", await(waitFor(coro(), Double.NaN)));

        Future<String> f2 = loop.createFuture();
        Coroutine<String> task = waitFor(f2, 0.2);
        loop.callLater(0.01, () -> f2.setResult("ok"));
        out("race_condition", await(task));

        out("cancellation_race_condition", await(waitFor(inner(), 0.01)));

        Task<Void> innerTask = createTask(inner2());
        try {
            await(waitFor(innerTask, EPSILON));
        } catch (AsyncTimeoutException e) {
            out("waits_for_task_cancellation", d(e), taskDone, cause(e));
        }

        taskDone = new ArrayList<>();
        try {
            await(foo3());
        } catch (AsyncTimeoutException e) {
            out("waits_for_task_cancellation_w_timeout_0", d(e), taskDone, cause(e));
        }

        try {
            await(foo4());
        } catch (NoSuchElementException e) {
            out("reraises_exception_during_cancellation", d(e));
        }

        Double[] timeouts = {null, 60.0};
        for (Double timeout : timeouts) {
            Task<Void> bt = createTask(blockingCoroutine());
            Task<Void> wait = createTask(timeout == null ? waitFor(bt, Double.NaN) : waitFor(bt, timeout));
            loop.callSoon(() -> wait.cancel());
            try {
                await(wait);
            } catch (CancelledException e) {
                out("cancel_wait_for", timeout, d(e));
            }
            out("cancel_wait_for", bt.isCancelled());
        }
        return completed();
    }

    public static void main(String[] args) {
        // Static state starts afresh on each run (ParityTest runs a program again, in one JVM, to
        // tell a stalled machine from a real difference).
        started.clear();
        running = new ArrayList<>();
        taskDone = new ArrayList<>();
        st = null;
        go(main());
    }
}
