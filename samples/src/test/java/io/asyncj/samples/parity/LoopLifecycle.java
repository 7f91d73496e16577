package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import io.asyncj.TimerHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A loop's life: misuse from inside it (run, close, another loop), runUntilComplete on a task, a
 * done task, a future and a failing coroutine, stop with callbacks scheduled around it, stop
 * before runForever, a loop stopped before the awaited future is done, timers in deadline order
 * (equal deadlines are not compared: CPython's heapq does not keep them FIFO, asyncj does), and
 * every entry of a closed loop.
 */
public class LoopLifecycle {
    @Async
    static Coroutine<String> value(String x) {
        await(sleep(0));
        return completed(x);
    }

    @Async
    static Coroutine<String> fails() {
        await(sleep(0));
        throw new NoSuchElementException("bad");
    }

    @Async
    static Coroutine<String> inside(EventLoop loop) {
        try {
            loop.runUntilComplete(value("1"));
        } catch (IllegalStateException e) {
            out("run_until_complete inside", d(e));
        }
        try {
            loop.runForever();
        } catch (IllegalStateException e) {
            out("run_forever inside", d(e));
        }
        try {
            loop.close();
        } catch (IllegalStateException e) {
            out("close running", d(e));
        }
        EventLoop other = newEventLoop();
        try {
            other.runUntilComplete(value("2"));
        } catch (IllegalStateException e) {
            out("another loop inside", d(e));
        }
        other.close();
        out("running inside", loop.isRunning(), getRunningLoop() == loop);
        return completed("inside done");
    }

    public static void main(String[] args) {
        EventLoop loop = newEventLoop();
        out("new", loop.isRunning(), loop.isClosed());
        out(loop.runUntilComplete(inside(loop)));
        // runUntilComplete on a task and on a future
        Task<String> task = loop.createTask(value("task"));
        out("task before", task.isDone());
        out("task", loop.runUntilComplete(task), task.isDone());
        out("done task again", loop.runUntilComplete(task));
        Future<String> fut = loop.createFuture();
        loop.callLater(0.01, () -> fut.setResult("future"));
        out("future", loop.runUntilComplete(fut));
        try {
            loop.runUntilComplete(fails());
        } catch (NoSuchElementException e) {
            out("failed", d(e));
        }
        // stop: the callbacks already scheduled run, those they schedule wait
        loop.callSoon(() -> {
            out("first");
            loop.callSoon(() -> out("scheduled by first"));
            loop.stop();
            loop.callSoon(() -> out("scheduled after stop"));
        });
        loop.callSoon(() -> out("second, same iteration"));
        loop.runForever();
        out("stopped");
        // stop before runForever: one iteration, then stop
        loop.stop();
        loop.callSoon(() -> out("runs in that iteration"));
        loop.runForever();
        out("stopped again");
        loop.callSoon(loop::stop);
        loop.runForever();
        out("the two leftovers ran");
        // stop while runUntilComplete waits
        Task<String> t = loop.createTask(value("never"));
        loop.callSoon(loop::stop);
        try {
            loop.runUntilComplete(sleep(10));
        } catch (IllegalStateException e) {
            out("stopped early", d(e));
        }
        // deadlines, in any order of scheduling
        double when = loop.time() + 0.01;
        for (int i : new int[] {3, 1, 4, 0, 2}) {
            loop.callAt(when + i * 0.001, () -> out("at", i));
        }
        TimerHandle h = loop.callAt(when + 0.0025, () -> out("cancelled"));
        out("when", h.when() == when + 0.0025);
        h.cancel();
        loop.callAt(when + 0.005, loop::stop);
        loop.runForever();
        // callbacks before timers, timers due in order
        loop.callLater(0, () -> out("later 0"));
        loop.callSoon(() -> out("soon"));
        loop.callLater(-1, () -> out("later -1"));
        loop.callSoon(loop::stop);
        loop.runForever();
        loop.runUntilComplete(sleep(0.01));
        double t0 = loop.time();
        double t1 = loop.time();
        out("monotonic", t1 >= t0);
        loop.close();
        loop.close();
        out("closed", loop.isClosed(), loop.isRunning());
        Map<String, Runnable> calls = new LinkedHashMap<>();
        calls.put("run_until_complete", () -> loop.runUntilComplete(fut));
        calls.put("run_forever", loop::runForever);
        calls.put("call_later", () -> loop.callLater(1, () -> out()));
        calls.put("create_task", () -> loop.createTask(value("3")));
        calls.put("run_in_executor", () -> loop.runInExecutor(null, () -> null));
        calls.forEach((name, f) -> {
            try {
                f.run();
            } catch (IllegalStateException e) {
                out(name, d(e));
            }
        });
        try {
            getRunningLoop();
        } catch (IllegalStateException e) {
            out("no loop", d(e));
        }
    }
}
