package io.asyncj.bench.peers;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The CompletableFuture peer: chains of CompletableFuture stages on ONE single-thread executor (the
 * "loop"). Implements W1, W2, W6 (BENCH.md) and, as an extra, W7.
 */
public final class CfBench {
    private CfBench() {}

    /** Runs {@code body} on the loop thread and waits for its result. */
    static <T> T onLoop(ExecutorService loop, java.util.concurrent.Callable<T> body) throws Exception {
        return loop.submit(body).get();
    }

    /**
     * W1: N tasks; each is scheduled on the loop ({@code supplyAsync}), yields once to the loop
     * ({@code thenApplyAsync} on the same executor: a second trip through its queue) and returns its
     * index; allOf gathers them; the sum is checked.
     */
    static Bench.Run w1(int n) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            long t0 = System.nanoTime();
            CompletableFuture<Long> sumF = onLoop(loop, () -> {
                @SuppressWarnings("unchecked")
                CompletableFuture<Integer>[] fs = new CompletableFuture[n];
                for (int i = 0; i < n; i++) {
                    final int idx = i;
                    fs[i] = CompletableFuture.supplyAsync(() -> idx, loop).thenApplyAsync(v -> v, loop);
                }
                return CompletableFuture.allOf(fs).thenApply(v -> {
                    long s = 0;
                    for (CompletableFuture<Integer> f : fs) s += f.join();
                    return s;
                });
            });
            long sum = sumF.get();
            double dt = Bench.secondsSince(t0);
            if (sum != (long) n * (n - 1) / 2) throw new AssertionError("W1 sum " + sum);
            return new Bench.Run(dt, n, "sum_ok=1");
        } finally {
            loop.shutdownNow();
        }
    }

    /** W2: on the loop thread, join() round-robin on a ring of 1,024 already-completed futures. */
    static Bench.Run w2(int n) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            return onLoop(loop, () -> {
                @SuppressWarnings("unchecked")
                CompletableFuture<Integer>[] ring = new CompletableFuture[1024];
                for (int i = 0; i < ring.length; i++) ring[i] = CompletableFuture.completedFuture(i);
                long s = 0;
                long t0 = System.nanoTime();
                for (int k = 0; k < n; k++) s += ring[k & 1023].join();
                double dt = Bench.secondsSince(t0);
                long expect = 0;
                for (int k = 0; k < n; k++) expect += k & 1023;
                if (s != expect) throw new AssertionError("W2 sum");
                return new Bench.Run(dt, n, "method=join_done");
            });
        } finally {
            loop.shutdownNow();
        }
    }

    /**
     * W6: N dependent stages ({@code thenApplyAsync} on the loop) parked on one never-completed
     * future, their handles kept in an array (as every peer keeps its task handles); heap after GC.
     */
    static Bench.Run w6(int n) throws Exception {
        w6Once(Math.min(n, 10_000)); // load and link the classes before the baseline
        return w6Once(n);
    }

    static Bench.Run w6Once(int n) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> never = new CompletableFuture<>();
            long before = Bench.usedHeapAfterGc();
            long t0 = System.nanoTime();
            CompletableFuture<?>[] parked = onLoop(loop, () -> {
                CompletableFuture<?>[] fs = new CompletableFuture<?>[n];
                for (int i = 0; i < n; i++) fs[i] = never.thenApplyAsync(v -> v + 1, loop);
                return fs;
            });
            double dt = Bench.secondsSince(t0);
            long after = Bench.usedHeapAfterGc();
            for (CompletableFuture<?> f : parked) if (f.isDone()) throw new AssertionError("W6 not parked");
            String extra = Bench.memoryExtra(before, after, n);
            never.complete(1);
            CompletableFuture.allOf(parked).get();
            return new Bench.Run(dt, n, extra);
        } finally {
            loop.shutdownNow();
        }
    }

    static CompletableFuture<Integer> rec(int d) {
        if (d == 0) return CompletableFuture.completedFuture(0);
        return rec(d - 1).thenApply(x -> x + 1);
    }

    /** W7 (extra): a recursive CompletableFuture chain of depth N, completing synchronously. */
    static Bench.Run w7(int n) throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            int reps = Math.max(1, 2_000_000 / n);
            return onLoop(loop, () -> {
                long s = 0;
                long t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) s += rec(n).join();
                double dt = Bench.secondsSince(t0);
                if (s != (long) n * reps) throw new AssertionError("W7 sum");
                return new Bench.Run(dt, (long) n * reps, "depth=" + n + ",reps=" + reps);
            });
        } finally {
            loop.shutdownNow();
        }
    }

    public static void main(String[] args) throws Exception {
        Bench.main("cf", args, Map.of("W1", CfBench::w1, "W2", CfBench::w2, "W6", CfBench::w6, "W7", CfBench::w7));
    }
}
