package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncBoundedSemaphore;
import io.asyncj.AsyncBrokenBarrierException;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncSemaphore;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Misuse and edges of the primitives: a Condition without its lock, a Condition sharing a Lock,
 * Barrier(0), waiting on an aborted barrier, Event's states, Semaphore(0) released twice,
 * BoundedSemaphore, a cancelled Event waiter, a Lock handed to a waiter that is then cancelled.
 */
public class SyncEdges {
    @Async
    static Coroutine<Void> waiter(AsyncEvent ev, String name) {
        try {
            out(name, "woke", await(ev.waitAsync()));
        } catch (CancelledException e) {
            out(name, "cancelled");
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> locker(AsyncLock lk, String name) {
        try {
            await(lk.acquire());
        } catch (CancelledException e) {
            out(name, "cancelled waiting");
            throw e;
        }
        out(name, "has the lock");
        lk.release();
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncCondition cond = new AsyncCondition();
        try {
            await(cond.waitAsync());
        } catch (IllegalStateException e) {
            out("wait unlocked", d(e));
        }
        try {
            cond.signalAll();
        } catch (IllegalStateException e) {
            out("notify_all unlocked", d(e));
        }
        try {
            cond.release();
        } catch (IllegalStateException e) {
            out("release unlocked", d(e));
        }
        AsyncLock lock = new AsyncLock();
        AsyncCondition cond2 = new AsyncCondition(lock);
        await(lock.acquire());
        out("shared lock", cond2.locked(), await(cond2.waitFor(() -> true)));
        lock.release();
        out("after release", cond2.locked());
        try {
            new AsyncBarrier(0);
        } catch (IllegalArgumentException e) {
            out("barrier 0", d(e));
        }
        AsyncBarrier b = new AsyncBarrier(2);
        out("barrier", b.parties(), b.nWaiting(), b.broken());
        await(b.abort());
        try {
            await(b.waitAsync());
        } catch (AsyncBrokenBarrierException e) {
            out("wait on broken", d(e));
        }
        await(b.reset());
        out("reset", b.broken());
        AsyncEvent e = new AsyncEvent();
        boolean before = e.isSet();
        e.set();
        boolean after = e.isSet();
        boolean waited = await(e.waitAsync());
        e.clear();
        out("event", before, null, after, waited, null, e.isSet());
        AsyncSemaphore sem = new AsyncSemaphore(0);
        out("sem", sem.locked());
        sem.release();
        sem.release();
        out("sem released twice", sem.locked(), await(sem.acquire()), await(sem.acquire()), sem.locked());
        AsyncBoundedSemaphore bs = new AsyncBoundedSemaphore(2);
        await(bs.acquire());
        bs.release();
        try {
            bs.release();
        } catch (IllegalStateException ex) {
            out("bounded", ex.getMessage());
        }
        // an event waiter cancelled, the others woken
        AsyncEvent ev = new AsyncEvent();
        List<Task<Void>> ts = new ArrayList<>();
        for (String n : new String[] {"a", "b", "c"}) {
            ts.add(createTask(waiter(ev, n)));
        }
        await(sleep(0));
        ts.get(1).cancel();
        ev.set();
        await(gather(true, ts.toArray(new Task<?>[0])));
        // a lock handed to a waiter that is then cancelled goes to the next one
        AsyncLock lk = new AsyncLock();
        await(lk.acquire());
        ts = new ArrayList<>();
        for (String n : new String[] {"x", "y", "z"}) {
            ts.add(createTask(locker(lk, n)));
        }
        await(sleep(0));
        lk.release();
        ts.get(0).cancel();
        await(gather(true, ts.toArray(new Task<?>[0])));
        out("lock free", lk.locked());
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
