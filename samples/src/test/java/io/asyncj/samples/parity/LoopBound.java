package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncSemaphore;
import io.asyncj.Coroutine;
import io.asyncj.Task;

/**
 * test_locks.py's test_ambiguous_loops, and the same for Event, Semaphore and Queue: a primitive
 * binds to the loop it first waits on; from another loop only what does not wait still works.
 */
public class LoopBound {
    static AsyncLock lock;
    static AsyncEvent ev;
    static AsyncSemaphore sem;
    static AsyncQueue<Integer> q;

    static String tail(Throwable e) {
        String s = String.valueOf(e.getMessage());
        return s.contains(" is bound") ? "RuntimeError: ..." + s.substring(s.indexOf(" is bound")) : d(e);
    }

    @Async
    static Coroutine<Void> first() {
        await(lock.acquire());
        Task<Boolean> t = createTask(lock.acquire());
        await(sleep(0));
        lock.release();
        await(t);
        lock.release();
        t = createTask(ev.waitAsync());
        await(sleep(0));
        ev.set();
        await(t);
        ev.clear();
        await(sem.acquire());
        t = createTask(sem.acquire());
        await(sleep(0));
        sem.release();
        await(t);
        sem.release();
        Task<Integer> g = createTask(q.get());
        await(sleep(0));
        q.putNowait(1);
        out("first", await(g));
        return completed();
    }

    @Async
    static Coroutine<Void> second() {
        out("lock fast path", await(lock.acquire()));
        try {
            await(waitFor(lock.acquire(), 1));
        } catch (IllegalStateException e) {
            out("lock contended", tail(e));
        }
        lock.release();
        ev.set();
        out("event set", await(ev.waitAsync()));
        ev.clear();
        try {
            await(ev.waitAsync());
        } catch (IllegalStateException e) {
            out("event wait", tail(e));
        }
        out("sem fast path", await(sem.acquire()));
        try {
            await(sem.acquire());
        } catch (IllegalStateException e) {
            out("sem contended", tail(e));
        }
        q.putNowait(2);
        out("queue nonempty", await(q.get()));
        try {
            await(q.get());
        } catch (IllegalStateException e) {
            out("queue empty", tail(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        lock = new AsyncLock(); // fresh for each run of the program (ParityTest runs it in one JVM)
        ev = new AsyncEvent();
        sem = new AsyncSemaphore(1);
        q = new AsyncQueue<>();
        go(first());
        go(second());
    }
}
