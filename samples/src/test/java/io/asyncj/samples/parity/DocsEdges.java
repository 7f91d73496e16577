package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.InvalidStateException;
import io.asyncj.ReturnWhen;
import io.asyncj.Task;
import io.asyncj.Timeout;
import io.asyncj.TimerHandle;
import io.asyncj.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Documented edges of the Coroutines and Tasks page: infinite and negative delays, cancelling early, self-awaits, reuse, other loops. */
public class DocsEdges {
    static Timeout cm;

    @Async
    static Coroutine<String> job(String name, double delay) {
        await(sleep(delay));
        return completed(name);
    }

    @Async
    static Coroutine<Void> neverRuns() {
        out("never runs");
        return completed();
    }

    @Async
    static Coroutine<Void> selfAwait() {
        await(currentTask());
        return completed();
    }

    @Async
    static <T> Coroutine<T> awaiter(Future<T> x) {
        return completed(await(x));
    }

    @Async
    static Coroutine<Void> boom() {
        throw new NoSuchElementException("k");
    }

    @Async
    static Coroutine<String> shrugs() {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            Task<?> t = currentTask();
            out("shrugs", t.cancelling(), t.uncancel(), t.cancelling());
        }
        await(sleep(0));
        return completed("alive");
    }

    @Async
    static Coroutine<Void> keep(Timeout t) {
        cm = t;
        await(sleep(0.01));
        return completed();
    }

    @Async
    static Coroutine<Void> runsThenWaits() {
        out("body runs");
        await(sleep(0));
        out("not reached");
        return completed();
    }

    @Async
    static Coroutine<Void> noAwaits() {
        out("body without awaits completes");
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        EventLoop loop = getRunningLoop();
        try {
            await(timeout(0.01, sleep(Double.POSITIVE_INFINITY)));
        } catch (AsyncTimeoutException e) {
            out("sleep(inf) timed out");
        }
        try {
            await(waitFor(sleep(1e10), 0.01));
        } catch (AsyncTimeoutException e) {
            out("sleep(1e10) timed out");
        }
        out("negative sleep", await(sleep(-1, "neg")));
        await(timeout(Double.POSITIVE_INFINITY, t -> keep(t)));
        out("inf timeout", cm.expired());
        try {
            await(timeout(0, sleep(0.01)));
        } catch (AsyncTimeoutException e) {
            out("timeout(0) expired");
        }
        try {
            await(timeout(-1, runsThenWaits()));
        } catch (AsyncTimeoutException e) {
            out("timeout(-1) expired");
        }
        await(timeout(-1, noAwaits()));
        out("wait_for None", await(waitFor(job("n", 0.01), (Duration) null)));
        TimerHandle h = loop.callLater(1e10, () -> out("never"));
        out("far timer cancelled", h.isCancelled());
        h.cancel();
        Future<List<Object>> g = gather();
        out("empty gather", g.isDone(), await(g));
        Task<Void> t = createTask(neverRuns());
        out("cancel before start", t.cancel(), t.cancelling());
        try {
            await(t);
        } catch (CancelledException e) {
            out("awaited", d(e), t.isCancelled());
        }
        out("cancel done", t.cancel());
        t = createTask(selfAwait());
        try {
            await(t);
        } catch (IllegalStateException e) {
            out("self await", e.getMessage().split(":")[0]);
        }
        Coroutine<String> c = job("twice", 0);
        await(c);
        try {
            await(c);
        } catch (IllegalStateException e) {
            out("reuse", d(e));
        }
        Task<String> inner = createTask(job("inner", 1));
        Task<String> outer = createTask(awaiter(inner));
        await(sleep(0));
        outer.cancel("m");
        try {
            await(outer);
        } catch (CancelledException e) {
            out("outer", d(e), "inner cancelled", inner.isCancelled());
        }
        inner = createTask(job("inner", 0.02));
        outer = createTask(awaiter(shield(inner)));
        await(sleep(0));
        outer.cancel();
        try {
            await(outer);
        } catch (CancelledException e) {
            out("shielded outer", d(e), inner.isCancelled(), await(inner));
        }
        Task<String> a = createTask(job("a", 0.01));
        Task<String> b = createTask(job("b", 1));
        WaitResult<String> w = await(Asyncio.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(30)));
        List<String> dr = new ArrayList<>();
        for (Future<String> f : w.done()) {
            dr.add(f.result());
        }
        out("wait", dr, w.pending().size(), b.isCancelled());
        b.cancel();
        a = createTask(job("a", 0.01));
        b = createTask(job("b", 1));
        List<String> got = new ArrayList<>();
        try {
            for (Coroutine<String> f : asCompleted(List.of(a, b), 0.03)) {
                got.add(await(f));
            }
        } catch (AsyncTimeoutException e) {
            out("as_completed", got, d(e), b.isCancelled());
        }
        b.cancel();
        List<Object> gl = new ArrayList<>();
        for (Object x : await(gather(true, job("x", 0), boom()))) {
            gl.add(x instanceof Throwable e ? d(e) : x);
        }
        out("gather", gl);
        try {
            await(gather(job("x", 0.01), boom()));
        } catch (NoSuchElementException e) {
            out("gather raises first", d(e));
        }
        EventLoop other = newEventLoop();
        Future<Object> f = other.createFuture();
        try {
            await(f);
        } catch (IllegalStateException e) {
            out("other loop", e.getMessage().contains("attached to a different loop"));
        }
        other.close();
        Future<Object> cf = loop.createFuture();
        cf.cancel("why");
        try {
            cf.result();
        } catch (CancelledException e) {
            out("cancelled future", d(e));
        }
        try {
            cf.exception();
        } catch (CancelledException e) {
            out("cancelled future", d(e));
        }
        cf = loop.createFuture();
        cf.setException(new NoSuchElementException("x"));
        out("exception()", d(cf.exception()), cf.isDone(), cf.isCancelled(), cf.cancel());
        try {
            cf.setResult(1);
        } catch (InvalidStateException e) {
            out("set after done", d(e));
        }
        Task<String> s = createTask(shrugs());
        await(sleep(0));
        s.cancel();
        out("uncancelled", await(s), s.isCancelled());
        Future<String> ef = ensureFuture(job("ef", 0));
        out("ensure_future", ef instanceof Task, await(ef), ensureFuture(ef) == ef);
        try {
            await(timeout((Duration) null, tm -> {
                cm = tm;
                tm.reschedule(loop.time() + 0.01);
                return sleep(1);
            }));
        } catch (AsyncTimeoutException e) {
            out("timeout(None) rescheduled", cm.expired());
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
        try {
            getRunningLoop();
        } catch (IllegalStateException e) {
            out("outside", d(e));
        }
        try {
            currentTask();
        } catch (IllegalStateException e) {
            out("outside current_task", d(e));
        }
    }
}
