package io.asyncj.bench;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * asyncj's side of the whole-process workloads of BENCH.md, written as a user writes asyncj code:
 * {@code @Async} methods returning {@code Coroutine<T>}, {@code await(...)}, {@code createTask},
 * {@code gather}, {@code sleep}. Each repetition is one {@code run(...)} (a fresh event loop, as the
 * asyncio peer's {@code asyncio.run}), and the time is taken inside the main coroutine, as there.
 *
 * <p>W3 ({@link W3PingPong}, {@code AsyncQueue}) and W5 ({@link W5Echo}, streams) have their own
 * classes.
 */
public final class AsyncjBench {
    private AsyncjBench() {}

    // ---------------------------------------------------------------- W1 spawn

    @Async
    static Coroutine<Integer> w1Task(int i) {
        await(sleep(0));
        return completed(i);
    }

    @Async
    static Coroutine<Driver.Run> w1(int n) {
        long t0 = System.nanoTime();
        List<Task<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(w1Task(i)));
        }
        List<Integer> results = await(gather(tasks));
        long sum = 0;
        for (int v : results) {
            sum += v;
        }
        double dt = Driver.secondsSince(t0);
        if (sum != (long) n * (n - 1) / 2) {
            throw new AssertionError("W1 sum " + sum);
        }
        return completed(new Driver.Run(dt, n, "sum_ok=1"));
    }

    // ---------------------------------------------------------------- W2 await fast path

    @Async
    static Coroutine<Driver.Run> w2(int n) {
        EventLoop loop = getRunningLoop();
        @SuppressWarnings("unchecked")
        Future<Integer>[] ring = new Future[1024]; // an array, as every peer's ring
        for (int i = 0; i < ring.length; i++) {
            ring[i] = loop.createFuture();
            ring[i].setResult(i);
        }
        long s = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < n; k++) {
            s += await(ring[k & 1023]);
        }
        double dt = Driver.secondsSince(t0);
        long expect = 0;
        for (int k = 0; k < n; k++) {
            expect += k & 1023;
        }
        if (s != expect) {
            throw new AssertionError("W2 sum");
        }
        return completed(new Driver.Run(dt, n, "sum_ok=1"));
    }

    // ---------------------------------------------------------------- W4 timers

    /** Counters the W4 sleepers share (one loop thread: plain fields). */
    static final class Timers {
        final long t0;
        int counter;
        long lateSum;
        long lateMax;

        Timers(long t0) {
            this.t0 = t0;
        }
    }

    @Async
    static Coroutine<Void> sleeper(long delayNanos, Timers st) {
        await(sleep(delayNanos / 1e9));
        long late = System.nanoTime() - (st.t0 + delayNanos);
        st.lateSum += late;
        st.lateMax = Math.max(st.lateMax, late);
        st.counter++;
        return completed();
    }

    @Async
    static Coroutine<Driver.Run> w4(long[] delays) {
        int n = delays.length;
        Timers st = new Timers(System.nanoTime());
        List<Task<Void>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(sleeper(delays[i], st)));
        }
        await(gather(tasks));
        double dt = Driver.secondsSince(st.t0);
        if (st.counter != n) {
            throw new AssertionError("W4 counter " + st.counter);
        }
        return completed(new Driver.Run(dt, n, Driver.timerExtra(dt, n, st.lateSum, st.lateMax)));
    }

    // ---------------------------------------------------------------- W6 parked memory

    @Async
    static Coroutine<Void> parked(Future<Void> never) {
        await(never);
        return completed();
    }

    @Async
    static Coroutine<Driver.Run> w6Once(int n) {
        Future<Void> never = getRunningLoop().createFuture();
        long before = Driver.usedHeapAfterGc();
        long t0 = System.nanoTime();
        List<Task<Void>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(parked(never)));
        }
        await(sleep(0)); // every task runs to its await and parks on `never`
        double dt = Driver.secondsSince(t0);
        long after = Driver.usedHeapAfterGc();
        for (Task<Void> t : tasks) {
            if (t.isDone()) {
                throw new AssertionError("W6: a task is not parked");
            }
        }
        String extra = Driver.memoryExtra(before, after, n);
        never.setResult(null);
        await(gather(tasks));
        return completed(new Driver.Run(dt, n, extra));
    }

    static Driver.Run w6(int n) {
        run(w6Once(Math.min(n, 10_000))); // load and link the classes before the baseline
        return run(w6Once(n));
    }

    // ---------------------------------------------------------------- W7 call depth

    @Async
    static Coroutine<Integer> rec(int d) {
        if (d == 0) {
            return completed(0);
        }
        return completed(await(rec(d - 1)) + 1);
    }

    @Async
    static Coroutine<Driver.Run> w7(int depth) {
        int reps = Math.max(1, 2_000_000 / depth);
        long s = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            s += await(rec(depth));
        }
        double dt = Driver.secondsSince(t0);
        if (s != (long) depth * reps) {
            throw new AssertionError("W7 sum");
        }
        return completed(new Driver.Run(dt, (long) depth * reps, "depth=" + depth + ",reps=" + reps));
    }

    @Async
    static Coroutine<Integer> probe() {
        return completed(1);
    }

    /**
     * Whether the asyncj processor rewrote this class: a rewritten {@code @Async} method returns an
     * instance of the state machine class generated inside it; an unprocessed one runs its body at
     * the call and returns the runtime's plain completed coroutine.
     */
    static boolean processed() {
        return probe().getClass().getName().startsWith(AsyncjBench.class.getName());
    }

    public static void main(String[] args) {
        if (!processed()) {
            System.out.println("FAIL workload=" + (args.length > 0 ? args[0] : "?") + " peer=asyncj n="
                    + (args.length > 1 ? args[1] : "0") + " error=processor_not_applied");
            System.exit(1);
        }
        Driver.main("asyncj", args, Map.of(
                "W1", n -> run(w1(n)),
                "W2", n -> run(w2(n)),
                "W3", n -> run(W3PingPong.w3(n)),
                "W4", n -> run(w4(Driver.delaysNanos(n))),
                "W5", n -> run(W5Echo.w5(n)),
                "W6", AsyncjBench::w6,
                "W7", n -> run(w7(n))));
    }
}
