package io.asyncj.samples;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.AsyncQueue;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded {@link AsyncQueue} between one producer and two consumers: {@code put} waits while the
 * queue is full, {@code join} waits until every item was marked done, then the consumers are
 * cancelled.
 */
public class ProducerConsumer {
    @Async
    static Coroutine<Void> producer(AsyncQueue<Integer> queue, int n) {
        for (int i = 1; i <= n; i++) {
            await(queue.put(i));
        }
        System.out.println("produced " + n);
        return completed();
    }

    @Async
    static Coroutine<Void> consumer(String name, AsyncQueue<Integer> queue, List<String> log) {
        while (true) {
            int item = await(queue.get());
            await(sleep(0.01));
            log.add(name + ":" + item);
            queue.taskDone();
        }
    }

    @Async
    static Coroutine<Void> main() {
        AsyncQueue<Integer> queue = new AsyncQueue<>(2);
        List<String> log = new ArrayList<>();
        Task<Void> a = createTask(consumer("a", queue, log));
        Task<Void> b = createTask(consumer("b", queue, log));
        await(producer(queue, 6));
        await(queue.join());
        System.out.println("all done: " + log.size() + " items");
        a.cancel();
        b.cancel();
        await(gather(true, a, b));
        System.out.println("consumers cancelled: " + (a.isCancelled() && b.isCancelled()));
        return completed();
    }

    public static void main(String[] args) {
        run(main());
    }
}
