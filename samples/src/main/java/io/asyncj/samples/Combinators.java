package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.ReturnWhen;
import io.asyncj.Task;
import io.asyncj.WaitResult;
import java.util.List;

/**
 * Waiting on several things at once: {@code gather} (with exceptions returned as values),
 * {@code wait} for the first to finish, {@code asCompleted} in finishing order, {@code waitFor}
 * with a timeout, and {@code shield}, which keeps a task running when the wait for it gives up.
 */
public class Combinators {
    @Async
    static Coroutine<String> fetch(String name, double delay, boolean fail) {
        await(sleep(delay));
        if (fail) {
            throw new IllegalStateException(name + " failed");
        }
        return completed(name);
    }

    @Async
    static Coroutine<Void> main() {
        List<Object> results = await(gather(true, fetch("a", 0.02, false), fetch("b", 0.01, true),
                fetch("c", 0.03, false)));
        System.out.println("gather: " + results.stream()
                .map(r -> r instanceof Throwable t ? t.getMessage() : String.valueOf(r)).toList());

        List<Task<String>> tasks = List.of(createTask(fetch("slow", 0.05, false)),
                createTask(fetch("fast", 0.01, false)), createTask(fetch("medium", 0.03, false)));
        WaitResult<String> first = await(Asyncio.wait(tasks, ReturnWhen.FIRST_COMPLETED, null));
        System.out.println("wait: first done " + first.done().stream().map(Future::result).toList()
                + " still pending " + first.pending().size());
        for (Future<String> t : first.pending()) {
            t.cancel();
        }
        WaitResult<String> all = await(Asyncio.wait(tasks, ReturnWhen.ALL_COMPLETED, null));
        System.out.println("wait: cancelled " + all.done().stream().filter(Future::isCancelled).count());

        for (Coroutine<String> next : asCompleted(List.of(fetch("three", 0.03, false), fetch("one", 0.01, false),
                fetch("two", 0.02, false)))) {
            System.out.println("as_completed: " + await(next));
        }

        try {
            await(waitFor(fetch("too slow", 1, false), 0.02));
        } catch (AsyncTimeoutException e) {
            System.out.println("wait_for: timed out");
        }

        Task<String> important = createTask(fetch("saved", 0.03, false));
        try {
            await(waitFor(shield(important), 0.01));
        } catch (AsyncTimeoutException e) {
            System.out.println("shield: the wait timed out, the task goes on: " + await(important));
        }
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
