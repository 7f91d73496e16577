package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncLifoQueue;
import io.asyncj.AsyncPriorityQueue;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Coroutine;
import io.asyncj.QueueEmptyException;
import io.asyncj.QueueFullException;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;

/** The queues page's worker example (with fixed sleeps), bounded producers, nowait errors, LIFO and priority order. */
public class DocsQueue {
    @Async
    static Coroutine<Void> worker(String name, AsyncQueue<Double> queue) {
        while (true) {
            double sleepFor = await(queue.get());
            await(sleep(sleepFor));
            queue.taskDone();
            out(name + " has slept for " + String.format("%.2f", sleepFor) + " seconds");
        }
    }

    @Async
    static Coroutine<Void> producer(AsyncQueue<Integer> queue, int n) {
        for (int i = 0; i < n; i++) {
            await(queue.put(i));
            out("put", i, queue.qsize(), queue.full());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> getter(AsyncQueue<String> q, int n) {
        out("getter", n, "got", await(q.get()));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        String.format("%.2f", 0.5); // the first String.format loads for tens of ms: not inside the timed part
        AsyncQueue<Double> queue = new AsyncQueue<>();
        double total = 0;
        for (double s : new double[] {0.05, 0.3, 0.2, 0.1, 0.25, 0.05}) {
            total += s;
            queue.putNowait(s);
        }
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(createTask(worker("worker-" + i, queue)));
        }
        await(queue.join());
        for (Task<Void> task : tasks) {
            task.cancel();
        }
        List<Object> res = await(gather(true, new ArrayList<>(tasks)));
        List<String> ds = new ArrayList<>();
        for (Object r : res) {
            ds.add(d((Throwable) r));
        }
        out("results", ds, queue.empty(), queue.qsize());
        out("total expected sleep time: " + String.format("%.2f", total) + " seconds");

        AsyncQueue<Integer> q = new AsyncQueue<>(2);
        out("maxsize", q.maxsize(), q.full(), q.empty());
        Task<Void> p = createTask(producer(q, 4));
        await(sleep(0));
        out("full", q.full(), q.qsize());
        try {
            q.putNowait(9);
        } catch (QueueFullException e) {
            out("put_nowait", d(e));
        }
        List<Integer> got = new ArrayList<>();
        while (got.size() < 4) {
            got.add(await(q.get()));
            q.taskDone();
        }
        await(p);
        out("got", got, q.unfinishedTasks());
        try {
            q.getNowait();
        } catch (QueueEmptyException e) {
            out("get_nowait", d(e));
        }
        try {
            q.taskDone();
        } catch (IllegalStateException e) {
            out("task_done", "ValueError(" + repr(e.getMessage()) + ")");
        }
        await(q.join());
        out("join on nothing returns");

        q = new AsyncQueue<>(-1);
        for (int i = 0; i < 5; i++) {
            q.putNowait(i);
        }
        out("negative maxsize", q.maxsize(), q.full(), q.qsize());

        AsyncLifoQueue<Integer> lq = new AsyncLifoQueue<>();
        for (int i = 0; i < 3; i++) {
            lq.putNowait(i);
        }
        out("lifo", List.of(lq.getNowait(), lq.getNowait(), lq.getNowait()));
        AsyncPriorityQueue<Integer> pq = new AsyncPriorityQueue<>();
        for (int i : new int[] {5, 1, 4, 1, 3}) {
            pq.putNowait(i);
        }
        List<Integer> pl = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pl.add(pq.getNowait());
        }
        out("priority", pl);

        AsyncQueue<String> sq = new AsyncQueue<>();
        List<Task<Void>> gs = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            gs.add(createTask(getter(sq, n)));
        }
        await(sleep(0));
        for (String i : List.of("a", "b", "c")) {
            sq.putNowait(i);
        }
        await(gather(gs));
        try {
            await(waitFor(sq.get(), 0.01));
        } catch (AsyncTimeoutException e) {
            out("get timed out", d(e), sq.qsize());
        }
        sq.putNowait("late");
        out("after timeout", await(sq.get()));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
