package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ExceptionGroup;
import io.asyncj.Future;
import io.asyncj.ReturnWhen;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import io.asyncj.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Combinators together: wait/asCompleted with timeout 0, shield of a failing coroutine, a TaskGroup in a timeout and under waitFor, gathers of gathers. */
public class DocsCombos {
    static Task<String> ct, other;

    @Async
    static Coroutine<String> job(String name, double delay, boolean fail) {
        try {
            await(sleep(delay));
        } catch (CancelledException e) {
            out(name, "cancelled");
            throw e;
        }
        if (fail) {
            throw new NoSuchElementException(name);
        }
        return completed(name);
    }

    static Coroutine<String> job(String name, double delay) {
        return job(name, delay, false);
    }

    @Async
    static Coroutine<String> groupBody(List<Object[]> names) {
        await(TaskGroup.run(tg -> {
            for (Object[] nd : names) {
                tg.createTask(job((String) nd[0], (Double) nd[1]));
            }
            return completed();
        }));
        return completed("group done");
    }

    @Async
    static Coroutine<String> childWithTimeout() {
        try {
            await(timeout(0.01, sleep(1)));
        } catch (AsyncTimeoutException e) {
            out("child timed out, goes on");
        }
        return completed("child ok");
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> a = createTask(job("a", 0.01));
        Task<String> b = createTask(job("b", 1));
        WaitResult<String> w = await(Asyncio.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED, Duration.ZERO));
        out("wait timeout 0", w.done().size(), w.pending().size());
        await(sleep(0.02));
        w = await(Asyncio.wait(List.of(a, b), ReturnWhen.FIRST_COMPLETED, null));
        List<String> rs = new ArrayList<>();
        for (Future<String> f : w.done()) {
            rs.add(f.result());
        }
        out("wait with a done one", rs, w.pending().size());
        b.cancel();
        await(sleep(0));
        Task<String> c = createTask(job("c", 1));
        try {
            for (Coroutine<String> f : asCompleted(List.of(a, c), 0)) {
                out("as_completed 0 got", await(f));
            }
        } catch (AsyncTimeoutException e) {
            out("as_completed 0", d(e));
        }
        c.cancel();
        await(sleep(0));
        try {
            await(shield(job("s", 0, true)));
        } catch (NoSuchElementException e) {
            out("shield raised", d(e));
        }
        Future<List<Object>> g = gather(true, job("g1", 1), job("g2", 1));
        await(sleep(0));
        g.cancel();
        try {
            out("gather result", await(g));
        } catch (CancelledException e) {
            out("gather cancelled", d(e), g.isCancelled());
        }
        try {
            await(timeout(0.02, groupBody(List.of(new Object[] {"t1", 1.0}, new Object[] {"t2", 0.01}))));
        } catch (AsyncTimeoutException e) {
            out("group in timeout", d(e));
        } catch (RuntimeException e) {
            out("other", d(e));
        }
        await(TaskGroup.run(tg -> {
            ct = tg.createTask(childWithTimeout());
            other = tg.createTask(job("other", 0.02));
            return completed();
        }));
        out("group results", ct.result(), other.result());
        try {
            await(waitFor(groupBody(List.<Object[]>of(new Object[] {"w1", 1.0})), 0.01));
        } catch (AsyncTimeoutException e) {
            out("wait_for group", d(e));
        }
        Future<List<String>> inner1 = gather(job("i1", 0.01), job("i2", 0.02));
        Future<List<String>> inner2 = gather(job("i3", 0.01, true), job("i4", 0.05));
        try {
            await(gather(inner1, inner2));
        } catch (NoSuchElementException e) {
            out("outer gather", d(e));
        }
        await(sleep(0.03));
        out("inner1", inner1.isDone(), inner1.isDone() ? inner1.result() : null);
        out("inner2", inner2.isDone());
        await(sleep(0.04));
        Task<String> s = createTask(job("sh", 0.03));
        try {
            await(timeout(0.01, shield(s)));
        } catch (AsyncTimeoutException e) {
            out("shield timed out", s.isDone());
        }
        out("shielded result", await(s));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
