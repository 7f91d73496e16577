package io.asyncj.bench.peers;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * The shared driver of the JVM peers: argument parsing, warm-up and repetitions, the RESULT line
 * format of BENCH.md, the seeded delays of W4 and the heap measurement of W6.
 *
 * <p>usage: {@code <main class> WORKLOAD N WARMUPS REPS}. Warm-ups run the same workload at the same
 * N in the same JVM and print WARMUP lines; each measured repetition prints one RESULT line.
 */
public final class Bench {
    private Bench() {}

    /** One measured run: elapsed seconds, the operations it did, and workload-specific extras. */
    public record Run(double seconds, long ops, String extra) {}

    @FunctionalInterface
    public interface Workload {
        Run run(int n) throws Exception;
    }

    /**
     * Allocates and drops twice the young generation in small arrays before the first warm-up, so
     * that the kernel has already faulted in and zeroed every eden page. Otherwise each repetition
     * runs on never-touched eden until the first collection and times the page faults: W4's
     * 100,000 timers overshot by 85-115 ms (asyncj) and 65-270 ms (Kotlin) for about ten
     * repetitions, then by 13-16 ms (asyncj). (-XX:+AlwaysPreTouch fixes the same thing but touches
     * the whole 4 GB heap: 5-25 s per JVM on this virtual machine.) The same code is in
     * benchmarks/src/main/java/io/asyncj/bench/Driver.java (asyncj's driver); keep the two alike.
     */
    public static void touchYoungGeneration() {
        long young = 0;
        for (java.lang.management.MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = p.getName();
            if (p.getType() == java.lang.management.MemoryType.HEAP
                    && (name.contains("Eden") || name.contains("Survivor"))) {
                young += Math.max(0, p.getUsage().getCommitted());
            }
        }
        if (young <= 0) {
            young = 256L << 20;
        }
        Object[] recent = new Object[16];
        for (long done = 0, i = 0; done < 2 * young; done += 64 << 10, i++) {
            recent[(int) (i & 15)] = new byte[64 << 10];
        }
        if (recent[0] == null) {
            throw new AssertionError(); // keeps the allocations observable
        }
    }

    public static void main(String peer, String[] args, Map<String, Workload> workloads) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: WORKLOAD N WARMUPS REPS; workloads: " + workloads.keySet());
            System.exit(2);
        }
        peer = System.getProperty("bench.peer", peer); // e.g. "vthreads2" for two carriers
        String w = args[0];
        int n = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        Workload workload = workloads.get(w);
        if (workload == null) {
            System.err.println("peer " + peer + " does not implement " + w);
            System.exit(3);
        }
        touchYoungGeneration();
        for (int i = 0; i < warmups + reps; i++) {
            Run r;
            try {
                r = workload.run(n);
            } catch (Throwable t) {
                System.out.println(fail(w, peer, n, t));
                System.out.flush();
                System.exit(1);
                return;
            }
            String tag = i < warmups ? "WARMUP" : "RESULT";
            System.out.println(line(tag, w, peer, n, r));
            System.out.flush();
        }
        System.exit(0); // do not wait for stray non-daemon threads (executors, event loops)
    }

    public static String line(String tag, String w, String peer, int n, Run r) {
        return String.format(Locale.ROOT, "%s workload=%s peer=%s n=%d seconds=%.6f ops_per_sec=%.1f extra=%s",
                tag, w, peer, n, r.seconds(), r.ops() / r.seconds(), r.extra());
    }

    /** The line a failed run prints instead of RESULT (e.g. a StackOverflowError in W7). */
    public static String fail(String w, String peer, int n, Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return "FAIL workload=" + w + " peer=" + peer + " n=" + n + " error=" + root.getClass().getSimpleName();
    }

    public static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** W4's delays: the same 64-bit LCG in every peer, uniform in [0, 0.1) seconds, as nanoseconds. */
    public static long[] delaysNanos(int n) {
        long x = 42;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            double s = (x >>> 11) * 0x1.0p-53 * 0.1;
            out[i] = (long) (s * 1e9);
        }
        return out;
    }

    public static String timerExtra(double seconds, int n, long lateSumNanos, long lateMaxNanos) {
        return String.format(Locale.ROOT, "overshoot_ms=%.1f,mean_late_ms=%.2f,max_late_ms=%.1f",
                (seconds - 0.1) * 1e3, lateSumNanos / 1e6 / n, lateMaxNanos / 1e6);
    }

    /**
     * Heap bytes in use after garbage collection: System.gc() several times (each a full GC with the
     * default collectors), with short pauses, then MemoryMXBean's heap usage.
     */
    public static long usedHeapAfterGc() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used == last) break;
            last = used;
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static String memoryExtra(long before, long after, int n) {
        return String.format(Locale.ROOT, "bytes_per_task=%.1f,method=heap_after_gc", (after - before) / (double) n);
    }
}
