package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Handle;
import io.asyncj.Task;
import io.asyncj.TimerHandle;

/**
 * current_task in callbacks, get_running_loop in a worker thread, all_tasks around a task cancelled
 * before it ran, handles cancelled twice (test_tasks.py, test_events.py odds).
 */
public class LoopOdds {
    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        Future<Object> f = loop.createFuture();
        f.addDoneCallback(x -> out("in callback", currentTask()));
        loop.callSoon(() -> out("in call_soon", currentTask()));
        f.setResult(1);
        await(sleep(0));
        out("thread", await(runInExecutor(null, () -> {
            try {
                getRunningLoop();
                return "no error";
            } catch (IllegalStateException e) {
                return d(e);
            }
        })));
        out("to_thread", await(toThread(() -> 5)));
        Task<Void> t = createTask(sleep(0));
        out("all_tasks has new", allTasks().contains(t), allTasks().size());
        t.cancel();
        out("all_tasks cancelled-not-run", allTasks().contains(t));
        await(sleep(0));
        out("all_tasks after", allTasks().contains(t), t.isCancelled());
        TimerHandle h = loop.callLater(10, () -> {});
        out("timer", h.isCancelled(), h.when() > loop.time());
        h.cancel();
        h.cancel();
        out("timer", h.isCancelled());
        Handle h2 = loop.callSoon(() -> {});
        h2.cancel();
        out("handle", h2.isCancelled());
        out("is_running", loop.isRunning(), loop.isClosed());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
