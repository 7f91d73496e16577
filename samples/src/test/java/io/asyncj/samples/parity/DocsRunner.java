package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Runner;
import io.asyncj.Task;
import java.util.NoSuchElementException;

/** The runners page: asyncio.Runner runs several coroutines on one loop, tasks survive between runs, close cancels them. */
public class DocsRunner {
    static Task<Void> t;

    @Async
    static Coroutine<Void> bg() {
        out("bg starts", currentTask().getName());
        await(sleep(0.02));
        out("bg done");
        return completed();
    }

    @Async
    static Coroutine<Integer> first() {
        out("first in", currentTask().getName());
        t = createTask(bg());
        await(sleep(0));
        return completed(1);
    }

    @Async
    static Coroutine<Boolean> second() {
        out("second in", currentTask().getName(), t.isDone());
        await(sleep(0.05));
        return completed(t.isDone());
    }

    @Async
    static Coroutine<Void> forever(String name) {
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            out(name, "cancelled at close");
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Integer> third() {
        createTask(forever("left"));
        await(sleep(0));
        return completed(allTasks().size());
    }

    @Async
    static Coroutine<Void> failing() {
        await(sleep(0));
        throw new NoSuchElementException("in run");
    }

    @Async
    static Coroutine<Void> nested() {
        Coroutine<Void> c = sleep(0);
        try {
            new Runner().run(c);
        } catch (IllegalStateException e) {
            out("nested", d(e));
        }
        try {
            run(c);
        } catch (IllegalStateException e) {
            out("nested run", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        EventLoop loop;
        Runner runner;
        try (Runner r = new Runner()) {
            runner = r;
            out(r.run(first()));
            out(r.run(second()));
            loop = r.getLoop();
            out(loop.isClosed(), loop == r.getLoop(), loop.isRunning());
            out(r.run(third()));
            try {
                r.run(failing());
            } catch (NoSuchElementException e) {
                out("failed", d(e));
            }
            out("still usable", r.run(sleep(0, "yes")));
        }
        out("closed", loop.isClosed());
        try {
            runner.run(sleep(0));
        } catch (IllegalStateException e) {
            out("run after close", d(e));
        }
        try {
            runner.getLoop();
        } catch (IllegalStateException e) {
            out("get_loop after close", d(e));
        }
        runner.close();
        out("close twice ok");
        Runner unused = new Runner();
        unused.close();
        out("close unused ok");
        go(nested());
        try (Runner r = new Runner()) {
            out("debug", r.getLoop().getDebug());
        }
        try (Runner r = new Runner(true)) {
            out("debug", r.getLoop().getDebug());
        }
    }
}
