package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncLifoQueue;
import io.asyncj.AsyncPriorityQueue;
import io.asyncj.AsyncQueue;
import io.asyncj.Coroutine;
import io.asyncj.QueueShutDownException;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/** Queue.shutdown (asyncio 3.13): graceful and immediate, with blocked getters, putters and joiners. */
public class QueueShutdown {
    @Async
    static <T> Coroutine<Void> getter(AsyncQueue<T> q, String name) {
        try {
            out(name, "got", await(q.get()));
        } catch (QueueShutDownException e) {
            out(name, "get raised", d(e));
        }
        return completed();
    }

    @Async
    static <T> Coroutine<Void> putter(AsyncQueue<T> q, String name, T item) {
        try {
            await(q.put(item));
            out(name, "put", item);
        } catch (QueueShutDownException e) {
            out(name, "put raised", d(e));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> joiner(AsyncQueue<?> q, String name) {
        await(q.join());
        out(name, "join returned");
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        AsyncQueue<Integer> q = new AsyncQueue<>(2);
        q.putNowait(1);
        q.putNowait(2);
        Task<Void> p = createTask(putter(q, "p1", 3));
        Task<Void> j = createTask(joiner(q, "j1"));
        await(sleep(0));
        q.shutdown();
        out("shutdown", q.qsize(), q.full(), q.empty());
        await(sleep(0));
        try {
            q.putNowait(4);
        } catch (QueueShutDownException e) {
            out("put_nowait", d(e));
        }
        out("get_nowait", q.getNowait(), await(q.get()));
        try {
            q.getNowait();
        } catch (QueueShutDownException e) {
            out("get_nowait empty", d(e));
        }
        Task<Void> g = createTask(getter(q, "g1"));
        await(sleep(0));
        q.taskDone();
        q.taskDone();
        await(gather(p, j, g));
        q.shutdown();
        out("shutdown twice ok");

        AsyncQueue<String> sq = new AsyncQueue<>();
        List<Task<Void>> gs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            gs.add(createTask(getter(sq, "g" + i)));
        }
        await(sleep(0));
        sq.shutdown();
        await(gather(gs));

        sq = new AsyncQueue<>(2);
        sq.putNowait("a");
        sq.putNowait("b");
        p = createTask(putter(sq, "p2", "c"));
        j = createTask(joiner(sq, "j2"));
        await(sleep(0));
        sq.shutdown(true);
        out("immediate", sq.qsize(), sq.empty());
        await(gather(p, j));
        try {
            await(sq.get());
        } catch (QueueShutDownException e) {
            out("get after immediate", d(e));
        }
        try {
            sq.taskDone();
        } catch (IllegalStateException e) {
            out("task_done", "ValueError(" + repr(e.getMessage()) + ")");
        }

        sq = new AsyncQueue<>();
        sq.putNowait("x");
        sq.putNowait("y");
        out("took", sq.getNowait());
        j = createTask(joiner(sq, "j3"));
        await(sleep(0));
        sq.shutdown(true);
        await(sleep(0));
        out("joiner done", j.isDone());
        sq.taskDone();
        await(j);
        List<AsyncQueue<Integer>> qs = List.of(new AsyncPriorityQueue<>(), new AsyncLifoQueue<>());
        List<String> names = List.of("PriorityQueue", "LifoQueue");
        for (int k = 0; k < 2; k++) {
            AsyncQueue<Integer> pq = qs.get(k);
            for (int i : new int[] {3, 1, 2}) {
                pq.putNowait(i);
            }
            pq.shutdown();
            out(names.get(k), List.of(pq.getNowait(), pq.getNowait(), pq.getNowait()));
            try {
                await(pq.get());
            } catch (QueueShutDownException e) {
                out(names.get(k), d(e));
            }
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
