package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;

/** Cancelling a task that is not parked on a future but yielding (sleep(0)): the message, the count, uncancel. */
public class YieldCancel {
    @Async
    static Coroutine<String> spinner(String name) {
        int i = 0;
        try {
            while (true) {
                await(sleep(0));
                i++;
            }
        } catch (CancelledException e) {
            out(name, "cancelled after", i, d(e), currentTask().cancelling());
            if (name.equals("s2")) {
                currentTask().uncancel();
                await(sleep(0));
                out(name, "kept going");
                return completed("s2 value");
            }
            throw e;
        }
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> s1 = createTask(spinner("s1"));
        for (int k = 0; k < 3; k++) {
            await(sleep(0));
        }
        s1.cancel("spin stop");
        out("s1", s1.cancelling());
        await(gather(true, s1));
        Task<String> s2 = createTask(spinner("s2"));
        await(sleep(0));
        s2.cancel();
        s2.cancel();
        out("s2 result", await(s2), s2.cancelling());
        Task<String> s3 = createTask(spinner("s3"));
        await(sleep(0));
        s3.cancel("m1");
        await(sleep(0));
        out("s3 done", s3.isDone(), s3.cancel("m2"));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
