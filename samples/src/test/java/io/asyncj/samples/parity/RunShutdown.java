package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.ExceptionContext;
import io.asyncj.Task;
import java.util.Map;
import java.util.NoSuchElementException;

/** What run() does at the end: pending tasks cancelled and awaited, their failures to the handler; errors in callbacks. */
public class RunShutdown {
    static void handler(EventLoop loop, ExceptionContext context) {
        Throwable exc = context.exception();
        String m = context.message();
        out("handler:", m.substring(0, Math.min(22, m.length())), exc != null ? d(exc) : null);
    }

    static int divide(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero");
        }
        return a / b;
    }

    static Object missing(Map<String, Object> m, String key) {
        if (!m.containsKey(key)) {
            throw new NoSuchElementException(key);
        }
        return m.get(key);
    }

    @Async
    static Coroutine<Void> stubborn() {
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            out("stubborn cleaning up");
            await(sleep(0.01));
            out("stubborn cleaned");
            throw new IllegalArgumentException("cleanup failed");
        }
        return completed();
    }

    @Async
    static Coroutine<Integer> quiet() {
        try {
            await(sleep(10));
        } catch (CancelledException e) {
            out("quiet swallows and returns");
            return completed(1);
        }
        return completed(0);
    }

    @Async
    static Coroutine<String> main() {
        EventLoop loop = getRunningLoop();
        loop.setExceptionHandler(RunShutdown::handler);
        createTask(stubborn());
        await(sleep(0));
        loop.callLater(0.02, () -> out(divide(1, 0)));
        Task<String> t = createTask(sleep(0, "t"));
        t.addDoneCallback(f -> out("task callback", f.result(), missing(Map.of(), "missing")));
        await(sleep(0.05));
        return completed("main value");
    }

    @Async
    static Coroutine<Void> cancelsItself() {
        currentTask().cancel("bye");
        await(sleep(0));
        out("not reached");
        return completed();
    }

    @Async
    static Coroutine<Void> failsAfterChild() {
        createTask(quiet());
        await(sleep(0));
        throw new NoSuchElementException("main failed");
    }

    public static void main(String[] args) {
        out("run returned", run(main()));
        go(cancelsItself());
        go(failsAfterChild());
    }
}
