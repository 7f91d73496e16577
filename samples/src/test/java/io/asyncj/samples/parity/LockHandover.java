package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBoundedSemaphore;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A lock or semaphore handed to a waiter that is cancelled before it runs goes to the next one. */
public class LockHandover {
    @Async
    static Coroutine<Void> user(Supplier<Coroutine<Boolean>> acquire, Runnable release, BooleanSupplier locked, String name) {
        try {
            await(acquire.get());
        } catch (CancelledException e) {
            out(name, "cancelled while waiting; locked:", locked.getAsBoolean());
            throw e;
        }
        out(name, "has the lock");
        await(sleep(0));
        release.run();
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncLock lock = new AsyncLock();
        await(lock.acquire());
        Task<Void> a = createTask(user(lock::acquire, lock::release, lock::locked, "a"));
        Task<Void> b = createTask(user(lock::acquire, lock::release, lock::locked, "b"));
        Task<Void> c = createTask(user(lock::acquire, lock::release, lock::locked, "c"));
        await(sleep(0));
        lock.release();
        a.cancel(); // woken, then cancelled before it runs: the lock goes to b
        await(gather(true, a, b, c));
        out("locked", lock.locked());
        AsyncBoundedSemaphore sem = new AsyncBoundedSemaphore(2);
        await(sem.acquire());
        await(sem.acquire());
        List<Task<Void>> ts = new ArrayList<>();
        for (String n : List.of("x", "y", "z")) {
            ts.add(createTask(user(sem::acquire, sem::release, sem::locked, n)));
        }
        await(sleep(0));
        sem.release();
        ts.get(0).cancel();
        sem.release();
        await(gather(true, new ArrayList<>(ts)));
        out("semaphore", sem.value(), sem.locked());
        AsyncEvent ev = new AsyncEvent();
        List<Task<Boolean>> w = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            w.add(createTask(ev.waitAsync()));
        }
        await(sleep(0));
        w.get(1).cancel();
        ev.set();
        List<Object> r = await(gather(true, new ArrayList<>(w)));
        List<Object> shown = new ArrayList<>();
        for (Object x : r) {
            shown.add(x instanceof Throwable t ? Out.pythonName(t) : x);
        }
        out("event", shown);
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
