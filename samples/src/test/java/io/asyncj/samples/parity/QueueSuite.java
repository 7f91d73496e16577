package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLifoQueue;
import io.asyncj.AsyncPriorityQueue;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.QueueEmptyException;
import io.asyncj.QueueFullException;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Cases ported from CPython 3.11's test_queues.py. Private state ({@code _getters},
 * {@code _putters}) is read through the toString, which writes CPython's fields. Left out: a
 * putter future pushed into {@code _putters} by hand, a float maxsize, generic aliases.
 */
public class QueueSuite {
    static List<Object> log = new ArrayList<>();
    static AsyncQueue<Integer> q;
    static AsyncQueue<String> qs;
    static long acc;
    static boolean running;
    static List<Object> finished = new ArrayList<>();
    static AsyncEvent started;

    /** The twin's str(q) without the class name (AsyncQueue for Queue). */
    static String fmt(AsyncQueue<?> q) {
        String s = q.toString();
        return s.substring(s.indexOf(' ') + 1, s.length() - 1);
    }

    @Async
    static Coroutine<Void> worker(int n) {
        while (running) {
            int item = await(q.get());
            acc += item;
            if (item < 3) {
                log.add(n + ":" + item);
            }
            q.taskDone();
        }
        return completed();
    }

    @Async
    static Coroutine<Void> taskDoneBody(TaskGroup tg, String name) {
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tasks.add(tg.createTask(worker(i)));
        }
        await(q.join());
        out(name, "task_done", acc, fmt(q));
        running = false;
        for (int i = 0; i < tasks.size(); i++) {
            q.putNowait(0);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> basic(IntFunction<AsyncQueue<Integer>> make, String name) {
        AsyncQueue<Integer> q = make.apply(0);
        out(name, "empty", q.empty(), q.full(), q.qsize(), q.maxsize(), fmt(q));
        await(q.put(1));
        out(name, "empty", q.empty(), fmt(q));
        out(name, "empty", await(q.get()), q.empty());
        q = make.apply(1);
        await(q.put(1));
        out(name, "full", q.full(), q.maxsize());
        try {
            q.putNowait(2);
        } catch (QueueFullException e) {
            out(name, "nonblocking_put_exception", d(e));
        }
        q.getNowait();
        try {
            q.getNowait();
        } catch (QueueEmptyException e) {
            out(name, "nonblocking_get_exception", d(e));
        }
        q = make.apply(0);
        for (int i : new int[] {5, 1, 4, 2, 3}) {
            await(q.put(i));
        }
        String before = fmt(q);
        List<Object> drained = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drained.add(q.getNowait());
        }
        out(name, "order", before, drained);
        for (int i : new int[] {1, 3, 2}) {
            await(q.put(i));
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(await(q.get()));
        }
        out(name, "order", items);
        try {
            q.taskDone();
        } catch (IllegalArgumentException | IllegalStateException e) {
            out(name, "task_done_underflow", "ValueError(" + repr(e.getMessage()) + ")");
        }
        q = make.apply(0);
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        QueueSuite.q = q;
        acc = 0;
        running = true;
        log.clear();
        await(TaskGroup.run(tg -> taskDoneBody(tg, name)));
        out(name, "task_done", log, fmt(q));
        q = make.apply(0);
        await(q.join());
        await(q.join());
        out(name, "join_empty_queue", fmt(q));
        return completed();
    }

    @Async
    static Coroutine<Void> reprGetBody(TaskGroup tg, Task<?>[] box) {
        box[0] = tg.createTask(q.get());
        await(sleep(0));
        out("repr", fmt(q));
        q.putNowait(0);
        return completed();
    }

    @Async
    static Coroutine<Void> reprPutBody(TaskGroup tg, Task<?>[] box) {
        q.putNowait(1);
        box[0] = tg.createTask(q.put(2));
        await(sleep(0));
        out("repr", fmt(q));
        q.getNowait();
        return completed();
    }

    @Async
    static Coroutine<Void> reprs() {
        q = new AsyncQueue<>();
        Task<?>[] box = new Task<?>[1];
        await(TaskGroup.run(tg -> reprGetBody(tg, box)));
        out("repr", await(box[0]), fmt(q));
        q = new AsyncQueue<>(1);
        await(TaskGroup.run(tg -> reprPutBody(tg, box)));
        out("repr", box[0].isDone(), fmt(q));
        return completed();
    }

    static List<Object> haveBeenPut = new ArrayList<>();

    @Async
    static Coroutine<Boolean> maxPutter() {
        for (int i = 0; i < 3; i++) {
            await(q.put(i));
            haveBeenPut.add(i);
        }
        return completed(true);
    }

    @Async
    static Coroutine<Void> maxsize() {
        q = new AsyncQueue<>(2);
        Task<Boolean> t = createTask(maxPutter());
        for (int i = 0; i < 2; i++) {
            await(sleep(0));
        }
        out("maxsize", haveBeenPut, await(q.get()));
        await(sleep(0));
        out("maxsize", haveBeenPut, await(q.get()), await(q.get()), t.isDone(), t.result());
        return completed();
    }

    @Async
    static Coroutine<Integer> queueGet() {
        started.set();
        int res = await(q.get());
        finished.add(true);
        return completed(res);
    }

    @Async
    static Coroutine<Void> consumer(AsyncQueue<Integer> queue, int n) {
        for (int i = 0; i < n; i++) {
            log.add("got " + await(queue.get()));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> producer(AsyncQueue<Integer> queue, int n) {
        for (int i = 0; i < n; i++) {
            await(queue.put(i));
            log.add("put " + i);
        }
        return completed();
    }

    @Async
    static Coroutine<Void> gettersBody(TaskGroup tg) {
        tg.createTask(producer(q, 5));
        tg.createTask(consumer(q, 5));
        return completed();
    }

    @Async
    static Coroutine<Void> getTests() {
        q = new AsyncQueue<>();
        started = new AsyncEvent();
        finished.clear();
        Task<Integer> t = createTask(queueGet());
        await(started.waitAsync());
        out("blocking_get_wait", finished);
        AsyncQueue<Integer> q0 = q;
        getRunningLoop().callLater(0.01, () -> q0.putNowait(1));
        out("blocking_get_wait", await(t), finished);

        qs = new AsyncQueue<>();
        Task<String> t1 = createTask(qs.get());
        Task<String> t2 = createTask(qs.get());
        await(sleep(0));
        t1.cancel();
        await(sleep(0));
        out("get_cancelled_race", t1.isDone(), fmt(qs));
        await(qs.put("a"));
        await(sleep(0));
        out("get_cancelled_race", await(t2), fmt(qs));

        qs = new AsyncQueue<>(1);
        createTask(qs.put("a"));
        createTask(qs.put("b"));
        out("get_with_waiting_putters", await(qs.get()), await(qs.get()));

        log.clear();
        q = new AsyncQueue<>(1);
        await(TaskGroup.run(tg -> gettersBody(tg)));
        out("why_are_getters_waiting", log);

        AsyncQueue<Integer> queue = new AsyncQueue<>(5);
        try {
            await(waitFor(queue.get(), 0.01));
        } catch (AsyncTimeoutException e) {
            out("cancelled_getters_not_held", d(e), fmt(queue));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> queuePut() {
        started.set();
        await(q.put(1));
        await(q.put(2));
        finished.add(true);
        return completed();
    }

    static Task<Integer> reader1;
    static Task<Integer> reader2;
    static Task<Integer> reader3;

    @Async
    static Coroutine<Void> dropManyBody(TaskGroup tg) {
        reader1 = tg.createTask(q.get());
        reader2 = tg.createTask(q.get());
        reader3 = tg.createTask(q.get());
        await(sleep(0));
        q.putNowait(1);
        q.putNowait(2);
        reader1.cancel();
        try {
            await(reader1);
        } catch (CancelledException e) {
            out("get_cancel_drop_many", d(e));
        }
        await(reader3);
        return completed();
    }

    @Async
    static Coroutine<Void> putter(int item) {
        await(q.put(item));
        log.add("put " + item);
        return completed();
    }

    @Async
    static Coroutine<Void> getter() {
        await(sleep(0));
        int num = q.qsize();
        for (int i = 0; i < num; i++) {
            log.add("got " + q.getNowait());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> puttersBody(TaskGroup tg) {
        tg.createTask(getter());
        for (int i = 0; i < 4; i++) {
            tg.createTask(putter(i));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> putTests() {
        q = new AsyncQueue<>(1);
        started = new AsyncEvent();
        finished.clear();
        AsyncQueue<Integer> q0 = q;
        getRunningLoop().callLater(0.01, () -> q0.getNowait());
        Task<Void> t = createTask(queuePut());
        await(started.waitAsync());
        out("blocking_put_wait", finished);
        await(t);
        out("blocking_put_wait", finished, fmt(q));

        q = new AsyncQueue<>();
        Task<Integer> reader = createTask(q.get());
        await(sleep(0));
        q.putNowait(1);
        q.putNowait(2);
        reader.cancel();
        try {
            await(reader);
            out("get_cancel_drop_one", "not cancelled");
        } catch (CancelledException e) {
            out("get_cancel_drop_one", "cancelled");
            reader = createTask(q.get());
            await(reader);
        }
        out("get_cancel_drop_one", reader.result(), fmt(q));

        q = new AsyncQueue<>();
        await(TaskGroup.run(tg -> dropManyBody(tg)));
        out("get_cancel_drop_many", reader2.result(), reader3.result(), fmt(q));

        q = new AsyncQueue<>(1);
        q.putNowait(1);
        Task<Void> writer = createTask(q.put(2));
        await(sleep(0));
        out("put_cancel_drop", q.getNowait());
        writer.cancel();
        try {
            await(writer);
            out("put_cancel_drop", "not cancelled");
        } catch (CancelledException e) {
            out("put_cancel_drop", "cancelled");
            writer = createTask(q.put(2));
            await(writer);
        }
        out("put_cancel_drop", q.getNowait(), q.qsize());

        qs = new AsyncQueue<>(1);
        Task<Void> putA = createTask(qs.put("a"));
        Task<Void> putB = createTask(qs.put("b"));
        Task<Void> putC = createTask(qs.put("X"));
        await(sleep(0));
        out("put_cancelled_race", putA.isDone(), putB.isDone(), fmt(qs));
        putC.cancel();
        await(sleep(0));
        out("put_cancelled_race", putC.isDone(), qs.getNowait());
        await(sleep(0));
        out("put_cancelled_race", qs.getNowait());
        await(putB);
        out("put_cancelled_race", fmt(qs));

        qs = new AsyncQueue<>();
        Task<String> tg1 = createTask(qs.get());
        await(sleep(0));
        await(qs.put("a"));
        out("put_with_waiting_getters", await(tg1));

        q = new AsyncQueue<>(2);
        log.clear();
        await(TaskGroup.run(tg -> puttersBody(tg)));
        out("why_are_putters_waiting", log, fmt(q));

        AsyncQueue<Integer> queue = new AsyncQueue<>(1);
        queue.putNowait(1);
        Task<Void> putTask = createTask(queue.put(1));
        await(sleep(0));
        out("cancelled_puts_not_held", fmt(queue));
        putTask.cancel();
        try {
            await(putTask);
        } catch (CancelledException e) {
            out("cancelled_puts_not_held", d(e), fmt(queue));
        }

        queue = new AsyncQueue<>(1);
        queue.putNowait(1);
        putTask = createTask(queue.put(1));
        await(sleep(0));
        queue.getNowait();
        out("cancelled_put_silence", fmt(queue));
        putTask.cancel();
        try {
            await(putTask);
        } catch (CancelledException e) {
            out("cancelled_put_silence", d(e), fmt(queue));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(basic(n -> new AsyncQueue<>(n), "Queue"));
        await(basic(n -> new AsyncLifoQueue<>(n), "LifoQueue"));
        await(basic(n -> new AsyncPriorityQueue<>(n), "PriorityQueue"));
        await(reprs());
        await(maxsize());
        await(getTests());
        await(putTests());
        return completed();
    }

    public static void main(String[] args) {
        // Static state starts afresh on each run (ParityTest runs a program again, in one JVM, to
        // tell a stalled machine from a real difference).
        log.clear();
        finished.clear();
        haveBeenPut.clear();
        go(main());
    }
}
