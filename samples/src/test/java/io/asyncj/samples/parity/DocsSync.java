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
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The synchronization primitives page's examples, with the state part of each primitive's repr. */
public class DocsSync {
    static String br(Object x) {
        Matcher m = Pattern.compile("\\[[^\\[]*\\]>$").matcher(x.toString());
        return m.find() ? m.group().substring(0, m.group().length() - 1) : x.toString();
    }

    @Async
    static Coroutine<Void> waiter(AsyncEvent event) {
        out("waiting for it ...");
        await(event.waitAsync());
        out("... got it!");
        return completed();
    }

    @Async
    static Coroutine<Void> exampleBarrier() {
        AsyncBarrier b = new AsyncBarrier(3);
        createTask(b.waitAsync());
        createTask(b.waitAsync());
        await(sleep(0));
        out(br(b));
        out("index", await(b.waitAsync()));
        out(br(b));
        out("barrier passed");
        await(sleep(0));
        out(br(b));
        return completed();
    }

    @Async
    static Coroutine<Void> locker(String name, AsyncLock lock, double delay) {
        await(lock.acquire());
        try {
            out(name, "has the lock", br(lock));
            await(sleep(delay));
        } finally {
            lock.release();
        }
        out(name, "released");
        return completed();
    }

    @Async
    static Coroutine<Void> semWorker(String name, AsyncSemaphore sem) {
        await(sem.acquire());
        try {
            out(name, "in", br(sem), sem.locked());
            await(sleep(0.01));
        } finally {
            sem.release();
        }
        out(name, "out");
        return completed();
    }

    @Async
    static Coroutine<Void> consumer(String name, AsyncCondition cond, List<Integer> items) {
        await(cond.acquire());
        try {
            boolean r = await(cond.waitFor(() -> items.size() > 0));
            out(name, "got", items.remove(0), r);
        } finally {
            cond.release();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncEvent event = new AsyncEvent();
        Task<Void> waiterTask = createTask(waiter(event));
        await(sleep(0.01));
        out(br(event));
        event.set();
        out(br(event));
        await(waiterTask);
        out("wait on set event", await(event.waitAsync()));
        event.clear();
        out(br(event), event.isSet());

        AsyncLock lock = new AsyncLock();
        out(br(lock), lock.locked());
        List<Task<Void>> tasks = new ArrayList<>();
        for (String n : List.of("a", "b", "c")) {
            tasks.add(createTask(locker(n, lock, 0.01)));
        }
        await(sleep(0));
        out(br(lock), lock.locked());
        await(gather(tasks));
        out(br(lock));
        try {
            lock.release();
        } catch (IllegalStateException e) {
            out("release unlocked", d(e));
        }
        out("acquire", await(lock.acquire()), br(lock));
        lock.release();

        AsyncSemaphore sem = new AsyncSemaphore(2);
        out(br(sem), sem.locked());
        tasks = new ArrayList<>();
        for (String n : List.of("a", "b", "c", "d")) {
            tasks.add(createTask(semWorker(n, sem)));
        }
        await(sleep(0));
        out(br(sem), sem.locked());
        await(gather(tasks));
        out(br(sem));
        sem.release();
        out("over-released", br(sem));
        AsyncBoundedSemaphore bs = new AsyncBoundedSemaphore(1);
        await(bs.acquire());
        bs.release();
        try {
            bs.release();
        } catch (IllegalStateException e) {
            out("bounded", "ValueError(" + repr(e.getMessage()) + ")");
        }
        try {
            new AsyncSemaphore(-1);
        } catch (IllegalArgumentException e) {
            out("negative", d(e));
        }

        AsyncCondition cond = new AsyncCondition();
        List<Integer> items = new ArrayList<>();
        tasks = new ArrayList<>();
        for (String n : List.of("x", "y")) {
            tasks.add(createTask(consumer(n, cond, items)));
        }
        await(sleep(0));
        out(br(cond));
        await(cond.acquire());
        try {
            items.add(1);
            cond.signal();
            out(br(cond));
        } finally {
            cond.release();
        }
        await(sleep(0));
        await(cond.acquire());
        try {
            items.add(2);
            cond.signalAll();
        } finally {
            cond.release();
        }
        await(gather(tasks));
        out(br(cond));
        try {
            cond.signal();
        } catch (IllegalStateException e) {
            out("notify unlocked", d(e));
        }
        try {
            await(cond.waitAsync());
        } catch (IllegalStateException e) {
            out("wait unlocked", d(e));
        }

        await(exampleBarrier());
        AsyncBarrier b = new AsyncBarrier(2);
        Task<Integer> t = createTask(b.waitAsync());
        await(sleep(0));
        await(b.abort());
        out(br(b), b.broken());
        try {
            await(t);
        } catch (AsyncBrokenBarrierException e) {
            out("waiter", d(e));
        }
        try {
            await(b.waitAsync());
        } catch (AsyncBrokenBarrierException e) {
            out("wait on broken", d(e));
        }
        await(b.reset());
        out(br(b), b.broken(), b.parties(), b.nWaiting());
        try {
            new AsyncBarrier(0);
        } catch (IllegalArgumentException e) {
            out("parties", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
