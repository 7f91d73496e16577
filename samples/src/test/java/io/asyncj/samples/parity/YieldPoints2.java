package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncSemaphore;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;

/** More yield points, counted by a ticker task: barriers, conditions, hand-overs, wakeups from callbacks. */
public class YieldPoints2 {
    static int ticks;

    @Async
    static Coroutine<Void> ticker() {
        while (true) {
            await(sleep(0));
            ticks++;
        }
    }

    static void step(String what) {
        out(what, "ticks", ticks);
    }

    @Async
    static Coroutine<Void> holder(AsyncLock lock, AsyncEvent ev) {
        await(lock.acquire());
        try {
            await(ev.waitAsync());
        } finally {
            lock.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        ticks = 0;
        Task<Void> t = createTask(ticker());
        await(sleep(0));
        step("start");
        AsyncBarrier b = new AsyncBarrier(1);
        await(b.waitAsync());
        step("barrier of one");
        AsyncCondition cond = new AsyncCondition();
        await(cond.acquire());
        try {
            await(cond.waitFor(() -> true));
        } finally {
            cond.release();
        }
        step("wait_for true");
        AsyncLock lock = new AsyncLock();
        AsyncEvent ev = new AsyncEvent();
        Task<Void> h = createTask(holder(lock, ev));
        await(sleep(0));
        step("holder has it");
        ev.set();
        await(lock.acquire());
        step("lock handed over");
        lock.release();
        await(h);
        AsyncSemaphore sem = new AsyncSemaphore(0);
        getRunningLoop().callSoon(sem::release);
        await(sem.acquire());
        step("semaphore released by callback");
        AsyncQueue<Integer> q = new AsyncQueue<>();
        getRunningLoop().callSoon(() -> q.putNowait(1));
        await(q.get());
        step("queue item from callback");
        await(b.reset());
        step("barrier reset");
        Future<Integer> f = getRunningLoop().createFuture();
        getRunningLoop().callSoon(() -> f.setResult(1));
        await(shield(f));
        step("shield of pending future");
        Task<Void> done = createTask(sleep(0));
        await(done);
        step("awaited a fresh task");
        t.cancel();
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
