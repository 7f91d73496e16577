package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncSemaphore;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.List;

/** Who gets an item, a slot or a lock when someone else grabs it between the wakeup and the woken task's step. */
public class Fairness {
    interface Prim {
        Coroutine<Boolean> acquire();

        void release();

        boolean locked();

        String name();
    }

    @Async
    static Coroutine<Void> getter(AsyncQueue<String> q, String name) {
        out(name, "got", await(q.get()));
        return completed();
    }

    @Async
    static Coroutine<Void> putter(AsyncQueue<Integer> q, int x) {
        await(q.put(x));
        out("put", x);
        return completed();
    }

    @Async
    static Coroutine<Void> acquirer(Prim lock, String name) {
        await(lock.acquire());
        out(name, "acquired");
        await(sleep(0));
        lock.release();
        out(name, "released");
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncQueue<String> q = new AsyncQueue<>();
        Task<Void> g1 = createTask(getter(q, "g1"));
        Task<Void> g2 = createTask(getter(q, "g2"));
        await(sleep(0));
        q.putNowait("x");
        out("stolen", q.getNowait());
        q.putNowait("y");
        await(sleep(0));
        out("after one step", g1.isDone(), g2.isDone(), q.qsize());
        q.putNowait("z");
        await(gather(g1, g2));
        AsyncQueue<Integer> q2 = new AsyncQueue<>(1);
        q2.putNowait(0);
        Task<Void> p1 = createTask(putter(q2, 1));
        Task<Void> p2 = createTask(putter(q2, 2));
        await(sleep(0));
        out("took", q2.getNowait());
        q2.putNowait(99);
        await(sleep(0));
        out("after one step", p1.isDone(), p2.isDone(), q2.qsize());
        out("took", q2.getNowait());
        await(sleep(0));
        out("took", q2.getNowait());
        await(gather(p1, p2));
        out("took", q2.getNowait());
        AsyncLock lock = new AsyncLock();
        AsyncSemaphore sem = new AsyncSemaphore(1);
        List<Prim> prims = List.of(new Prim() {
            public Coroutine<Boolean> acquire() { return lock.acquire(); }
            public void release() { lock.release(); }
            public boolean locked() { return lock.locked(); }
            public String name() { return "Lock"; }
        }, new Prim() {
            public Coroutine<Boolean> acquire() { return sem.acquire(); }
            public void release() { sem.release(); }
            public boolean locked() { return sem.locked(); }
            public String name() { return "Semaphore"; }
        });
        for (Prim prim : prims) {
            await(prim.acquire());
            Task<Void> a = createTask(acquirer(prim, "a"));
            Task<Void> b = createTask(acquirer(prim, "b"));
            await(sleep(0));
            prim.release();
            Task<Void> late = createTask(acquirer(prim, "late"));
            await(gather(a, b, late));
            out(prim.name(), "done", prim.locked());
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
