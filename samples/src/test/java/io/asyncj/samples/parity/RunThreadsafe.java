package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * test_tasks.py's RunCoroutineThreadsafeTests and test_task_awaits_on_itself: a thread submits a
 * coroutine to the loop and waits for its result; a failure, a timeout (which cancels the task)
 * and a task that cancels itself reach the thread, and through runInExecutor the loop. The
 * thread's CompletableFuture wraps a failure in ExecutionException where concurrent.futures
 * raises it as is: the target unwraps it.
 */
public class RunThreadsafe {
    @Async
    static Coroutine<Integer> add(int a, int b, boolean fail, boolean cancel) {
        await(sleep(0.01));
        if (fail) {
            throw new IllegalStateException("Fail!");
        }
        if (cancel) {
            currentTask().cancel();
            await(sleep(0));
        }
        return completed(a + b);
    }

    static Object target(EventLoop loop, boolean fail, boolean cancel, Double timeout) throws Exception {
        CompletableFuture<Integer> future = runCoroutineThreadsafe(add(1, 2, fail, cancel), loop);
        try {
            return timeout == null ? future.get() : future.get((long) (timeout * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "timed out";
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } finally {
            if (!future.isDone()) {
                future.cancel(false);
            }
        }
    }

    static Task<?> self;

    @Async
    static Coroutine<Void> test() {
        await(self);
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        out("threadsafe", await(runInExecutor(null, () -> target(loop, false, false, null))));
        try {
            await(runInExecutor(null, () -> target(loop, true, false, null)));
        } catch (IllegalStateException e) {
            out("with_exception", d(e));
        }
        out("with_timeout", await(runInExecutor(null, () -> target(loop, false, false, 0.0))));
        await(sleep(0.02));
        List<Object> done = new ArrayList<>();
        for (Task<?> t : allTasks()) {
            if (t != currentTask()) {
                done.add(t.isDone());
            }
        }
        out("with_timeout", done);
        try {
            await(runInExecutor(null, () -> target(loop, false, true, null)));
        } catch (CancelledException e) {
            out("task_cancelled", d(e), currentTask().cancelling());
        }
        Future<Void> task = ensureFuture(test());
        self = (Task<?>) task;
        try {
            await(task);
        } catch (IllegalStateException e) {
            out("awaits_on_itself", e.getMessage().split(":")[0]);
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
