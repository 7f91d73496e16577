package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncSemaphore;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's synchronization primitives: a lock keeps a read-modify-write that awaits in the middle
 * whole; an event starts waiting tasks together; a semaphore lets two run at once; a condition hands
 * items to waiting consumers; a barrier lets tasks go on only when all have arrived. There is no
 * {@code async with} in Java: {@code await(lock.acquire()); try { ... } finally { lock.release(); }}.
 */
public class Synchronization {
    static final class Counters {
        int balance;
        int active;
        int peak;
    }

    @Async
    static Coroutine<Void> deposit(AsyncLock lock, Counters account, String name, int amount) {
        await(lock.acquire());
        try {
            int balance = account.balance;
            await(sleep(0.01)); // without the lock, another task would read the same balance here
            account.balance = balance + amount;
            System.out.println(name + " deposited " + amount + ", balance " + account.balance);
        } finally {
            lock.release();
        }
        return completed();
    }

    @Async
    static Coroutine<String> runner(String name, AsyncEvent start, AsyncSemaphore sem, Counters c) {
        await(start.waitAsync());
        await(sem.acquire());
        try {
            c.active++;
            c.peak = Math.max(c.peak, c.active);
            await(sleep(0.01));
            c.active--;
        } finally {
            sem.release();
        }
        return completed(name);
    }

    @Async
    static Coroutine<Void> consumer(String name, AsyncCondition cond, List<String> items) {
        await(cond.acquire());
        try {
            await(cond.waitFor(() -> !items.isEmpty()));
            System.out.println(name + " got " + items.remove(0));
        } finally {
            cond.release();
        }
        return completed();
    }

    @Async
    static Coroutine<String> stage(AsyncBarrier barrier, String name, double delay) {
        await(sleep(delay));
        System.out.println(name + " reached the barrier");
        await(barrier.waitAsync());
        return completed(name);
    }

    @Async
    static Coroutine<Void> main() {
        AsyncLock lock = new AsyncLock();
        Counters account = new Counters();
        await(gather(deposit(lock, account, "client0", 10), deposit(lock, account, "client1", 20),
                deposit(lock, account, "client2", 30)));
        System.out.println("final balance " + account.balance);

        AsyncEvent start = new AsyncEvent();
        AsyncSemaphore sem = new AsyncSemaphore(2);
        Counters c = new Counters();
        List<Task<String>> runners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runners.add(createTask(runner("r" + i, start, sem, c)));
        }
        await(sleep(0.01));
        System.out.println("runners waiting for the start signal: "
                + runners.stream().filter(t -> !t.isDone()).count());
        start.set();
        System.out.println("finished: " + await(gather(runners)));
        System.out.println("at most " + c.peak + " ran at once");

        AsyncCondition cond = new AsyncCondition();
        List<String> items = new ArrayList<>();
        List<Task<Void>> consumers = List.of(createTask(consumer("c0", cond, items)),
                createTask(consumer("c1", cond, items)));
        await(sleep(0.01));
        for (String item : List.of("apple", "pear")) {
            await(cond.acquire());
            try {
                items.add(item);
                cond.signal();
            } finally {
                cond.release();
            }
            await(sleep(0.01));
        }
        await(gather(consumers));

        AsyncBarrier barrier = new AsyncBarrier(3);
        System.out.println("all passed: " + await(gather(stage(barrier, "x", 0.03), stage(barrier, "y", 0.01),
                stage(barrier, "z", 0.02))));
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
