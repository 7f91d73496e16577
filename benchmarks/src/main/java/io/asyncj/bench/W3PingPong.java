package io.asyncj.bench;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.AsyncQueue;
import io.asyncj.Coroutine;
import io.asyncj.Task;

/**
 * W3 ping-pong for asyncj: two tasks exchange N messages through two one-slot queues
 * ({@code AsyncQueue(1)}, asyncio's {@code Queue(maxsize=1)}).
 */
final class W3PingPong {
    private W3PingPong() {}

    @Async
    static Coroutine<Long> ping(AsyncQueue<Integer> q1, AsyncQueue<Integer> q2, int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            await(q1.put(i));
            acc += await(q2.get());
        }
        return completed(acc);
    }

    @Async
    static Coroutine<Void> pong(AsyncQueue<Integer> q1, AsyncQueue<Integer> q2, int n) {
        for (int i = 0; i < n; i++) {
            await(q2.put(await(q1.get())));
        }
        return completed();
    }

    @Async
    static Coroutine<Driver.Run> w3(int n) {
        AsyncQueue<Integer> q1 = new AsyncQueue<>(1);
        AsyncQueue<Integer> q2 = new AsyncQueue<>(1);
        long t0 = System.nanoTime();
        Task<Long> a = createTask(ping(q1, q2, n));
        Task<Void> b = createTask(pong(q1, q2, n));
        long s = await(a);
        await(b);
        double dt = Driver.secondsSince(t0);
        if (s != (long) n * (n - 1) / 2) {
            throw new AssertionError("W3 sum " + s);
        }
        return completed(new Driver.Run(dt, n, "round_trips=" + n + ",queue=AsyncQueue(1)"));
    }
}
