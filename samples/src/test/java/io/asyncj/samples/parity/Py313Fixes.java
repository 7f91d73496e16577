package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncCondition;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ExceptionGroup;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The 3.12/3.13 fixes asyncj follows (README: where it differs from CPython 3.11, on purpose); its twin runs on 3.13. */
public class Py313Fixes {
    @Async
    static Coroutine<Void> failSoon() {
        await(sleep(0.01));
        throw new NoSuchElementException("late");
    }

    @Async
    static Coroutine<Void> condWaiter(AsyncCondition cond, String name) {
        await(cond.acquire());
        try {
            await(cond.waitAsync());
            out(name, "woke");
        } catch (CancelledException e) {
            out(name, "cancelled");
            throw e;
        } finally {
            cond.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<?> me = currentTask();
        try {
            await(TaskGroup.run(tg -> {
                tg.createTask(failSoon());
                return completed();
            }));
        } catch (ExceptionGroup eg) {
            out("late failure", d(eg), "cancelling", me.cancelling());
        }
        AsyncCondition cond = new AsyncCondition();
        List<Task<Void>> ws = new ArrayList<>();
        for (String n : List.of("a", "b", "c")) {
            ws.add(createTask(condWaiter(cond, n)));
        }
        await(sleep(0));
        await(cond.acquire());
        try {
            cond.signal(1);
        } finally {
            cond.release();
        }
        ws.get(0).cancel();
        await(sleep(0.01));
        List<Boolean> states = new ArrayList<>();
        for (Task<Void> w : ws) {
            states.add(w.isDone());
        }
        out("states", states);
        for (Task<Void> w : ws) {
            w.cancel();
        }
        await(gather(true, new ArrayList<>(ws)));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
