package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;
import io.asyncj.Timeout;
import java.util.ArrayList;
import java.util.List;

/** Self-cancellation, a swallowed timeout, a past deadline, waitFor(0), and waiters cancelled in Event, Queue, Barrier. */
public class EdgeCancels {
    static Timeout cm;

    @Async
    static Coroutine<String> selfCancelThenReturn() {
        currentTask().cancel("self");
        return completed("returned");
    }

    @Async
    static Coroutine<Void> selfCancelThenAwait() {
        currentTask().cancel("self2");
        out("still running");
        try {
            await(sleep(0));
        } catch (CancelledException e) {
            out("at next await", d(e));
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<String> swallowInTimeout(Timeout t) {
        cm = t;
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            out("body swallowed the timeout");
        }
        return completed("body value");
    }

    @Async
    static Coroutine<Void> pastDeadline(Timeout t) {
        t.reschedule(getRunningLoop().time() - 1);
        await(sleep(1));
        return completed();
    }

    @Async
    static Coroutine<String> quick() {
        return completed("quick");
    }

    @Async
    static Coroutine<Void> evWaiter(AsyncEvent ev) {
        try {
            await(ev.waitAsync());
        } catch (CancelledException e) {
            out("event waiter cancelled");
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> putter(AsyncQueue<Integer> q, int x) {
        try {
            await(q.put(x));
            out("put", x);
        } catch (CancelledException e) {
            out("put cancelled", x);
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> party(AsyncBarrier b, int n) {
        try {
            out("party", n, "index", await(b.waitAsync()));
        } catch (CancelledException e) {
            out("party", n, "cancelled, waiting:", b.nWaiting());
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> t = createTask(selfCancelThenReturn());
        try {
            await(t);
        } catch (CancelledException e) {
            out("return lost", d(e), t.isCancelled());
        }
        Task<Void> t2 = createTask(selfCancelThenAwait());
        await(gather(true, t2));
        out("t cancelled", t2.isCancelled());
        Future<Object> f = getRunningLoop().createFuture();
        f.cancel();
        try {
            await(gather(f, sleep(0.01)));
        } catch (CancelledException e) {
            out("gather of cancelled future", d(e));
        }
        out(await(timeout(0.01, x -> swallowInTimeout(x))));
        out("expired", cm.expired(), currentTask().cancelling());
        try {
            await(timeout(10, x -> pastDeadline(x)));
        } catch (AsyncTimeoutException e) {
            out("past deadline");
        }
        Future<String> f2 = getRunningLoop().createFuture();
        f2.setResult("ready");
        out("wait_for 0 done", await(waitFor(f2, 0)));
        try {
            await(waitFor(quick(), 0));
        } catch (AsyncTimeoutException e) {
            out("wait_for 0 coroutine", d(e));
        }
        AsyncEvent ev = new AsyncEvent();
        Task<Void> w = createTask(evWaiter(ev));
        await(sleep(0));
        w.cancel();
        ev.set();
        await(gather(true, w));
        out("event waiter", w.isCancelled());
        AsyncQueue<Integer> q = new AsyncQueue<>(1);
        q.putNowait(0);
        Task<Void> p1 = createTask(putter(q, 1));
        Task<Void> p2 = createTask(putter(q, 2));
        await(sleep(0));
        p1.cancel();
        out("got", q.getNowait());
        await(gather(true, p1, p2));
        out("queue", q.qsize(), q.getNowait());
        AsyncBarrier b = new AsyncBarrier(3);
        List<Task<Void>> p = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            p.add(createTask(party(b, i)));
        }
        await(sleep(0));
        out("waiting", b.nWaiting());
        p.get(0).cancel();
        await(sleep(0));
        out("waiting", b.nWaiting(), b.broken());
        p.add(createTask(party(b, 2)));
        p.add(createTask(party(b, 3)));
        await(gather(true, new ArrayList<>(p)));
        out("barrier", b.nWaiting(), b.broken());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
