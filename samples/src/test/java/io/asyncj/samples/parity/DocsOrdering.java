package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/** Which callback runs first: timers in the past, callSoon around task starts, wakeups, done callbacks, lock hand-overs. */
public class DocsOrdering {
    @Async
    static Coroutine<Void> step(String name, int n) {
        for (int i = 0; i < n; i++) {
            out(name, i);
            await(sleep(0));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> waiter(String name, AsyncEvent ev) {
        await(ev.waitAsync());
        out(name, "woke");
        return completed();
    }

    @Async
    static Coroutine<Integer> quick() {
        out("quick runs");
        return completed(5);
    }

    @Async
    static Coroutine<Void> locker(AsyncLock lock, int n) {
        await(lock.acquire());
        try {
            out("lock", n);
            await(sleep(0));
        } finally {
            lock.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        loop.callLater(0, () -> out("later 0"));
        loop.callAt(loop.time() - 1, () -> out("call_at past"));
        loop.callLater(-1, () -> out("later -1"));
        loop.callSoon(() -> out("soon"));
        await(sleep(0));
        out("after one sleep(0)");
        await(sleep(0));
        out("after two sleep(0)");
        Task<Void> t = createTask(step("t", 2));
        loop.callSoon(() -> out("soon after create_task"));
        Task<Void> u = createTask(step("u", 2));
        await(sleep(0));
        out("main between");
        await(gather(t, u));
        AsyncEvent ev = new AsyncEvent();
        List<Task<Void>> ws = new ArrayList<>();
        for (String n : List.of("a", "b", "c")) {
            ws.add(createTask(waiter(n, ev)));
        }
        await(sleep(0));
        loop.callSoon(() -> out("soon before set"));
        ev.set();
        loop.callSoon(() -> out("soon after set"));
        await(gather(ws));
        Future<Integer> f = loop.createFuture();
        f.addDoneCallback(x -> out("cb before"));
        loop.callSoon(() -> out("soon between"));
        f.setResult(1);
        f.addDoneCallback(x -> out("cb after"));
        await(sleep(0));
        await(sleep(0));
        Task<Integer> q = createTask(quick());
        loop.callSoon(() -> out("soon 1"));
        int r = await(q);
        out("awaited quick", r);
        loop.callSoon(() -> out("soon 2"));
        await(sleep(0));
        for (double dl : new double[] {0.03, 0.01, 0.02}) {
            loop.callLater(dl, () -> out("timer", dl));
        }
        await(sleep(0.05));
        AsyncLock lock = new AsyncLock();
        await(lock.acquire());
        List<Task<Void>> ls = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ls.add(createTask(locker(lock, n)));
        }
        await(sleep(0));
        lock.release();
        loop.callSoon(() -> out("soon after release"));
        await(gather(ls));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
