package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Which combinators create tasks (and so use up Task-N names); asCompleted's order and timeout; waitFor on a stubborn task. */
public class NamesAndAsCompleted {
    @Async
    static Coroutine<String> job(String name, double delay, boolean fail) {
        await(sleep(delay));
        if (fail) {
            throw new IllegalArgumentException(name);
        }
        return completed(name);
    }

    @Async
    static Coroutine<String> stubborn(double delay) {
        try {
            await(sleep(delay));
        } catch (CancelledException e) {
            out("stubborn swallows");
            return completed("stubborn value");
        }
        return completed("stubborn slept");
    }

    static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Task<?> t : allTasks()) {
            n.add(t.getName());
        }
        Collections.sort(n);
        return n;
    }

    @Async
    static Coroutine<Void> main() {
        Future<List<String>> g = gather(job("a", 0.01, false), job("b", 0.01, false));
        out("after gather", names());
        await(g);
        Future<String> s = shield(job("c", 0, false));
        out("after shield", names());
        await(s);
        List<String> order = new ArrayList<>();
        for (Coroutine<String> next : asCompleted(List.of(job("d", 0.03, false), job("e", 0.01, true), job("f", 0.02, false)))) {
            try {
                order.add(await(next));
            } catch (IllegalArgumentException e) {
                order.add(d(e));
            }
        }
        out("as_completed", order);
        Task<String> t = createTask(job("g", 0.5, false));
        List<String> got = new ArrayList<>();
        try {
            for (Coroutine<String> next : asCompleted(List.of(t, job("h", 0.005, false)), 0.1)) {
                got.add(await(next));
            }
        } catch (AsyncTimeoutException e) {
            out("as_completed timeout", got, d(e), t.isCancelled());
        }
        t.cancel();
        out("next task", createTask(job("i", 0, false)).getName());
        out("wait_for stubborn", await(waitFor(createTask(stubborn(1)), 0.01)), currentTask().cancelling());
        out("to_thread", await(toThread(() -> "from thread")), names());
        out("sleep result", await(sleep(0.001, "r")), await(sleep(-1, "neg")));
        List<Void> steps = new ArrayList<>();
        for (Coroutine<Void> c : asCompleted(List.of(sleep(0), sleep(0)))) {
            steps.add(await(c));
        }
        out("two sleeps", steps, createTask(job("j", 0, false)).getName());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
