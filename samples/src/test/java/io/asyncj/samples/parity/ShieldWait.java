package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Asyncio;
import io.asyncj.Awaitable;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.ReturnWhen;
import io.asyncj.Task;
import io.asyncj.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** shield when the outer or the inner is cancelled; wait with FIRST_EXCEPTION, timeout, FIRST_COMPLETED. */
public class ShieldWait {
    @Async
    static Coroutine<String> job(String name, double delay, boolean fail) {
        try {
            await(sleep(delay));
        } catch (CancelledException e) {
            out(name, "cancelled", d(e));
            throw e;
        }
        if (fail) {
            throw new IllegalArgumentException(name);
        }
        out(name, "done");
        return completed(name);
    }

    @Async
    static Coroutine<String> waiter(Awaitable<String> aw) {
        try {
            return completed(await(aw));
        } catch (CancelledException e) {
            out("waiter cancelled", d(e));
            throw e;
        }
    }

    static List<String> names(Set<Future<String>> fs) {
        List<String> n = new ArrayList<>();
        for (Future<String> f : fs) {
            n.add(((Task<String>) f).getName());
        }
        Collections.sort(n);
        return n;
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> inner = createTask(job("inner", 0.1, false));
        Task<String> w = createTask(waiter(shield(inner)));
        await(sleep(0.005));
        w.cancel("go away");
        try {
            await(w);
        } catch (CancelledException e) {
            out("w", d(e), inner.isDone());
        }
        out("inner result", await(inner));
        Task<String> inner2 = createTask(job("inner2", 1, false));
        Future<String> outer2 = shield(inner2);
        await(sleep(0));
        inner2.cancel("inner cancelled");
        try {
            await(outer2);
        } catch (CancelledException e) {
            out("outer2", d(e), outer2.isCancelled());
        }
        Future<String> s = shield(job("coro", 0.01, true));
        try {
            await(s);
        } catch (IllegalArgumentException e) {
            out("shielded coroutine raised", d(e));
        }
        Task<String> a = createTask(job("a", 0.1, false));
        Task<String> b = createTask(job("b", 0.02, true));
        Task<String> c = createTask(job("c", 0.3, false));
        WaitResult<String> r = await(Asyncio.wait(List.of(a, b, c), ReturnWhen.FIRST_EXCEPTION, null));
        out("first exception", names(r.done()), names(r.pending()));
        r = await(Asyncio.wait(List.of(a, c), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(150)));
        out("timeout", names(r.done()), names(r.pending()), c.isCancelled());
        r = await(Asyncio.wait(List.of(a, c), ReturnWhen.FIRST_COMPLETED, null));
        out("first completed with one done", r.done().size(), r.pending().size());
        r = await(Asyncio.wait(List.of(c)));
        out("all", r.done().size(), r.pending().size(), d(b.exception()));
        try {
            await(Asyncio.wait(List.<Future<String>>of()));
        } catch (IllegalArgumentException e) {
            out("empty", d(e));
        }
        try {
            await(Asyncio.wait(List.of(job("coro2", 0, false))));
        } catch (IllegalArgumentException e) {
            out("coroutine", d(e).replace("ValueError", "TypeError"));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
