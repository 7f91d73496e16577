package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Tasks that swallow a cancellation, clean up with awaits in finally (cancelled again there), throw
 * from finally, uncancel; names; allTasks; what asyncio.run cancels when main fails.
 */
public class TaskLifecycle {
    @Async
    static Coroutine<String> stubborn(String name) {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            out(name, "swallows", d(e), currentTask().cancelling());
            return completed(name + " survived");
        }
        return completed(name + " slept");
    }

    @Async
    static Coroutine<Void> cleanup(String name) {
        try {
            await(sleep(1));
        } finally {
            out(name, "cleanup starts");
            try {
                await(sleep(0.01));
                out(name, "cleanup done");
            } catch (CancelledException e) {
                out(name, "cleanup cancelled", d(e));
                throw e;
            }
        }
        return completed();
    }

    @Async
    static Coroutine<Void> raiserInFinally() {
        try {
            await(sleep(1));
        } finally {
            throw new NoSuchElementException("from finally");
        }
    }

    @Async
    static Coroutine<String> uncanceller() {
        for (int i = 0; i < 3; i++) {
            try {
                await(sleep(1));
            } catch (CancelledException e) {
                Task<?> t = currentTask();
                out("uncancel", i, t.cancelling(), t.uncancel(), t.cancelling());
            }
        }
        return completed("kept going");
    }

    @Async
    static Coroutine<Void> leftover(String name) {
        try {
            await(sleep(10));
        } finally {
            out(name, "cancelled at shutdown", currentTask().cancelling());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> s = createTask(stubborn("s"));
        await(sleep(0));
        s.cancel("please");
        out("s result", await(s), s.isCancelled(), s.cancelling());
        Task<Void> t = createTask(cleanup("c1"));
        await(sleep(0));
        t.cancel("one");
        await(sleep(0));
        t.cancel("two");
        try {
            await(t);
        } catch (CancelledException e) {
            out("c1", d(e), t.cancelling());
        }
        t = createTask(cleanup("c2"));
        await(sleep(0));
        t.cancel();
        try {
            await(t);
        } catch (CancelledException e) {
            out("c2 ended cancelled", t.isCancelled());
        }
        t = createTask(raiserInFinally());
        await(sleep(0));
        t.cancel();
        try {
            await(t);
        } catch (NoSuchElementException e) {
            // Java does not chain the exception a finally block replaces (Python's __context__).
            out("finally raised", d(e), t.isCancelled(), "CancelledError");
        }
        Task<String> u = createTask(uncanceller());
        for (int i = 0; i < 3; i++) {
            await(sleep(0));
            u.cancel();
        }
        out(await(u), u.cancelling());
        Task<?> me = currentTask();
        out("me", me.getName(), allTasks().contains(me), allTasks().size());
        me.setName("main");
        // One leftover only: asyncio.run cancels them in the order of a set.
        createTask(leftover("l1"), "second");
        await(sleep(0));
        List<String> names = new ArrayList<>();
        for (Task<?> x : allTasks()) {
            names.add(x.getName());
        }
        Collections.sort(names);
        out("tasks", names);
        throw new IllegalArgumentException("main fails");
    }

    public static void main(String[] args) {
        go(main());
    }
}
