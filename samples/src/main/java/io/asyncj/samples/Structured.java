package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ExceptionGroup;
import io.asyncj.TaskGroup;

/**
 * Structured concurrency with {@link TaskGroup}: the group waits for all its children; when one
 * fails, the others are cancelled and the failures arrive together as an {@link ExceptionGroup}.
 */
public class Structured {
    @Async
    static Coroutine<String> step(String name, double seconds, boolean fail) {
        try {
            await(sleep(seconds));
        } catch (CancelledException e) {
            System.out.println(name + " cancelled");
            throw e;
        }
        if (fail) {
            throw new IllegalStateException(name + " failed");
        }
        System.out.println(name + " finished");
        return completed(name);
    }

    @Async
    static Coroutine<Void> main() {
        String both = await(TaskGroup.run(tg -> {
            var x = tg.createTask(step("x", 0.02, false));
            var y = tg.createTask(step("y", 0.01, false));
            return gather(x, y);
        })).toString();
        System.out.println("group returned " + both);
        try {
            await(TaskGroup.run(tg -> {
                tg.createTask(step("slow", 1.0, false));
                tg.createTask(step("broken", 0.01, true));
                return completed();
            }));
        } catch (ExceptionGroup e) {
            System.out.println("group failed with " + e.exceptions().size() + " exception: "
                    + e.exceptions().get(0).getMessage());
        }
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
