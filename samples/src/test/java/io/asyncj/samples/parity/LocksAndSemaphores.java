package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBoundedSemaphore;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncSemaphore;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/** Lock and Semaphore fairness when waiters are cancelled; releasing too often. */
public class LocksAndSemaphores {
    interface Lockish {
        Coroutine<Boolean> acquire();

        void release();

        boolean locked();
    }

    static Lockish of(AsyncLock l) {
        return new Lockish() {
            public Coroutine<Boolean> acquire() { return l.acquire(); }
            public void release() { l.release(); }
            public boolean locked() { return l.locked(); }
        };
    }

    static Lockish of(AsyncSemaphore l) {
        return new Lockish() {
            public Coroutine<Boolean> acquire() { return l.acquire(); }
            public void release() { l.release(); }
            public boolean locked() { return l.locked(); }
        };
    }

    @Async
    static Coroutine<Void> locker(Lockish lock, String name, double hold) {
        try {
            await(lock.acquire());
        } catch (CancelledException e) {
            out(name, "cancelled while waiting", lock.locked());
            throw e;
        }
        try {
            out(name, "acquired");
            await(sleep(hold));
        } finally {
            lock.release();
            out(name, "released");
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncLock lock = new AsyncLock();
        List<Task<Void>> tasks = new ArrayList<>();
        for (String n : List.of("a", "b", "c", "d")) {
            tasks.add(createTask(locker(of(lock), n, 0.005)));
        }
        await(sleep(0));
        tasks.get(1).cancel();
        await(gather(true, new ArrayList<>(tasks)));
        out("locked", lock.locked());
        try {
            lock.release();
        } catch (IllegalStateException e) {
            out("release unlocked", d(e));
        }
        AsyncSemaphore sem = new AsyncSemaphore(2);
        tasks.clear();
        for (String n : List.of("e", "f", "g", "h", "i")) {
            tasks.add(createTask(locker(of(sem), n, 0.005)));
        }
        await(sleep(0));
        out("value", sem.value(), sem.locked());
        tasks.get(2).cancel();
        tasks.get(3).cancel();
        await(gather(true, new ArrayList<>(tasks)));
        out("value", sem.value(), sem.locked());
        AsyncBoundedSemaphore bs = new AsyncBoundedSemaphore(1);
        await(bs.acquire());
        bs.release();
        try {
            bs.release();
        } catch (IllegalArgumentException | IllegalStateException e) {
            out("bounded", "ValueError(" + Out.repr(e.getMessage()) + ")");
        }
        AsyncSemaphore sem0 = new AsyncSemaphore(0);
        Task<Void> w = createTask(locker(of(sem0), "z", 0));
        await(sleep(0));
        sem0.release();
        w.cancel();
        try {
            await(w);
        } catch (CancelledException e) {
            out("z cancelled after release", sem0.value());
        }
        try {
            new AsyncSemaphore(-1);
        } catch (IllegalArgumentException e) {
            out("negative", d(e));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
