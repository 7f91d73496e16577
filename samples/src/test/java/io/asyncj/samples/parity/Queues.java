package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncLifoQueue;
import io.asyncj.AsyncPriorityQueue;
import io.asyncj.AsyncQueue;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.QueueEmptyException;
import io.asyncj.QueueFullException;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/** A bounded queue's blocked producers and consumers, join/taskDone, cancelled getters, priority and LIFO order. */
public class Queues {
    @Async
    static Coroutine<Void> producer(AsyncQueue<Integer> q, String name, List<Integer> items) {
        for (int i : items) {
            out(name, "puts", i);
            await(q.put(i));
            out(name, "put done", i, q.qsize(), q.full());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> consumer(AsyncQueue<Integer> q, String name, int n) {
        for (int k = 0; k < n; k++) {
            int item = await(q.get());
            out(name, "got", item);
            await(sleep(0));
            q.taskDone();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> getter(AsyncQueue<String> q, String name) {
        try {
            out(name, "got", await(q.get()));
        } catch (CancelledException e) {
            out(name, "cancelled");
            throw e;
        }
        return completed();
    }

    @Async
    static Coroutine<Void> untilNull(AsyncQueue<String> sq) {
        String item;
        while ((item = await(sq.get())) != null) {
            out("item", item);
        }
        out("sentinel", sq.qsize());
        return completed();
    }

    @Async
    static Coroutine<Void> joiner(AsyncQueue<Integer> q) {
        await(q.join());
        out("joined", q.qsize());
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncQueue<Integer> q = new AsyncQueue<>(2);
        Task<Void> p1 = createTask(producer(q, "p1", List.of(1, 2, 3)));
        Task<Void> p2 = createTask(producer(q, "p2", List.of(10, 20)));
        await(sleep(0));
        Task<Void> c = createTask(consumer(q, "c", 5));
        Task<Void> j = createTask(joiner(q));
        await(gather(p1, p2, c, j));
        try {
            q.taskDone();
        } catch (RuntimeException e) {
            out("too many", e.getMessage());
        }
        try {
            q.getNowait();
        } catch (QueueEmptyException e) {
            out("empty", d(e));
        }
        AsyncQueue<String> qs = new AsyncQueue<>(2);
        qs.putNowait("a");
        qs.putNowait("b");
        try {
            qs.putNowait("c");
        } catch (QueueFullException e) {
            out("full", d(e));
        }
        AsyncQueue<String> q2 = new AsyncQueue<>();
        Task<Void> g1 = createTask(getter(q2, "g1"));
        Task<Void> g2 = createTask(getter(q2, "g2"));
        Task<Void> g3 = createTask(getter(q2, "g3"));
        await(sleep(0));
        g1.cancel();
        q2.putNowait("x");
        q2.putNowait("y");
        await(gather(true, g1, g2, g3));
        out("left", q2.qsize());
        AsyncPriorityQueue<Integer> pq = new AsyncPriorityQueue<>();
        for (int x : List.of(5, 1, 4, 2, 3)) {
            pq.putNowait(x);
        }
        List<Integer> got = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            got.add(pq.getNowait());
        }
        out("priority", got);
        AsyncLifoQueue<String> lq = new AsyncLifoQueue<>();
        for (String x : List.of("a", "b", "c")) {
            await(lq.put(x));
        }
        List<String> lifo = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            lifo.add(await(lq.get()));
        }
        out("lifo", lifo);
        AsyncQueue<String> sq = new AsyncQueue<>(1);
        Task<Void> u = createTask(untilNull(sq));
        for (String x : java.util.Arrays.asList("u", "v", null)) {
            await(sq.put(x));
        }
        await(u);
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
