package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/** Combinators inside combinators: waitFor or timeout around shield, nested gathers, shield in gather, cancelled join and wait. */
public class Combos {
    @Async
    static Coroutine<String> job(String name, double delay) {
        try {
            await(sleep(delay));
            out(name, "done");
            return completed(name);
        } catch (CancelledException e) {
            out(name, "cancelled", d(e));
            throw e;
        }
    }

    @Async
    static Coroutine<Void> joiner(AsyncQueue<Integer> q) {
        try {
            await(q.join());
        } catch (CancelledException e) {
            out("join cancelled", q.unfinishedTasks());
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> waiter(List<Task<String>> fs) {
        try {
            await(Asyncio.wait(fs));
        } catch (CancelledException e) {
            List<Boolean> done = new ArrayList<>();
            for (Task<String> f : fs) {
                done.add(f.isDone());
            }
            out("wait cancelled", done);
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> t = createTask(job("precious", 0.2));
        try {
            await(waitFor(shield(t), 0.01));
        } catch (AsyncTimeoutException e) {
            out("wait_for gave up", t.isDone(), t.isCancelled());
        }
        out("still got", await(t));
        Task<String> t2 = createTask(job("precious2", 0.2));
        try {
            await(timeout(0.01, shield(t2)));
        } catch (AsyncTimeoutException e) {
            out("timeout gave up", t2.isDone());
        }
        await(t2);
        Future<List<String>> inner = gather(job("a", 1), job("b", 1));
        Future<List<Object>> outer = gather(inner, job("c", 1));
        await(sleep(0));
        outer.cancel("nested");
        try {
            await(outer);
        } catch (CancelledException e) {
            out("outer", d(e), inner.isCancelled());
        }
        Task<String> s = createTask(job("shielded", 0.02));
        Future<List<String>> g = gather(shield(s), job("d", 1));
        await(sleep(0));
        g.cancel();
        try {
            await(g);
        } catch (CancelledException e) {
            out("gather cancelled", s.isDone());
        }
        await(s);
        AsyncQueue<Integer> q = new AsyncQueue<>();
        q.putNowait(1);
        Task<Void> j = createTask(joiner(q));
        await(sleep(0));
        j.cancel();
        await(gather(true, j));
        List<Task<String>> fs = List.of(createTask(job("w1", 1)), createTask(job("w2", 1)));
        Task<Void> w = createTask(waiter(fs));
        await(sleep(0));
        w.cancel();
        await(gather(true, w));
        List<Boolean> done = new ArrayList<>();
        for (Task<String> f : fs) {
            done.add(f.isDone());
        }
        out("still pending", done);
        for (Task<String> f : fs) {
            f.cancel();
        }
        await(gather(true, new ArrayList<>(fs)));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
