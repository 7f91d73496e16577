package io.asyncj.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * The driver of asyncj's whole-process workloads, with the same arguments and output as the peers'
 * (benchmarks/peers): {@code WORKLOAD N WARMUPS REPS}; each warm-up prints a WARMUP line and each
 * measured repetition one line {@code RESULT workload=W peer=asyncj n=N seconds=S ops_per_sec=X
 * extra=...}; a failed run prints {@code FAIL ... error=...} instead.
 */
public final class Driver {
    private Driver() {}

    /** One measured run: elapsed seconds, the operations it did, and workload-specific extras. */
    public record Run(double seconds, long ops, String extra) {}

    @FunctionalInterface
    public interface Workload {
        Run run(int n) throws Throwable;
    }

    public static void main(String peer, String[] args, Map<String, Workload> workloads) {
        if (args.length != 4) {
            System.err.println("usage: WORKLOAD N WARMUPS REPS; workloads: " + workloads.keySet());
            System.exit(2);
        }
        String w = args[0];
        int n = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        Workload workload = workloads.get(w);
        if (workload == null) {
            System.out.println("FAIL workload=" + w + " peer=" + peer + " n=" + n + " error=not_implemented");
            System.exit(3);
        }
        touchYoungGeneration();
        for (int i = 0; i < warmups + reps; i++) {
            Run r;
            long alloc0 = allocatedBytes();
            long cpu0 = cpuNanos();
            try {
                r = workload.run(n);
            } catch (Throwable t) {
                System.out.println(fail(w, peer, n, t));
                System.out.flush();
                t.printStackTrace();
                System.exit(1);
                return;
            }
            String tag = i < warmups ? "WARMUP" : "RESULT";
            System.out.println(String.format(Locale.ROOT,
                    "%s workload=%s peer=%s n=%d seconds=%.6f ops_per_sec=%.1f extra=%s",
                    tag, w, peer, n, r.seconds(), r.ops() / r.seconds(),
                    r.extra() + loopExtra(allocatedBytes() - alloc0, cpuNanos() - cpu0, r.ops())));
            System.out.flush();
        }
        System.exit(0);
    }

    /**
     * Allocates and drops twice the young generation in small arrays before the first warm-up, so
     * that the kernel has already faulted in and zeroed every eden page. Otherwise each repetition
     * runs on never-touched eden until the first collection and times the page faults: W4's
     * 100,000 timers overshot by 85-115 ms (asyncj) and 65-270 ms (Kotlin) for about ten
     * repetitions, then by 13-16 ms (asyncj). (-XX:+AlwaysPreTouch fixes the same thing but touches
     * the whole 4 GB heap: 5-25 s per JVM on this virtual machine.) The same code is in
     * benchmarks/peers/.../Bench.java (the peers' driver); keep the two alike.
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

    static String fail(String w, String peer, int n, Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String error = root.getClass().getSimpleName();
        if (String.valueOf(root.getMessage()).contains("outside a method compiled by the asyncj processor")) {
            error = "processor_not_applied";
        }
        return "FAIL workload=" + w + " peer=" + peer + " n=" + n + " error=" + error;
    }

    /**
     * Bytes allocated so far by this thread (the loop thread: {@code run} drives the loop on the
     * calling thread), or -1 where the JVM cannot tell.
     */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    /** CPU time of the calling (loop) thread so far. */
    static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * {@code ,alloc_bytes_per_op=B,cpu_ms=C}: heap bytes the loop thread allocated per operation,
     * and the CPU time it used, over the whole repetition. CPU time next to wall time tells the
     * loop's own cost from time lost to a busy machine (W4's timers wait most of the 100 ms).
     */
    static String loopExtra(long bytes, long cpuNanos, long ops) {
        String alloc = bytes < 0 ? "" : String.format(Locale.ROOT, ",alloc_bytes_per_op=%.1f", bytes / (double) ops);
        return alloc + String.format(Locale.ROOT, ",cpu_ms=%.1f", cpuNanos / 1e6);
    }

    public static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** W4's delays: the same 64-bit LCG as every peer, uniform in [0, 0.1) seconds, as nanoseconds. */
    public static long[] delaysNanos(int n) {
        long x = 42;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            out[i] = (long) ((x >>> 11) * 0x1.0p-53 * 0.1 * 1e9);
        }
        return out;
    }

    public static String timerExtra(double seconds, int n, long lateSumNanos, long lateMaxNanos) {
        return String.format(Locale.ROOT, "overshoot_ms=%.1f,mean_late_ms=%.2f,max_late_ms=%.1f",
                (seconds - 0.1) * 1e3, lateSumNanos / 1e6 / n, lateMaxNanos / 1e6);
    }

    /** Heap in use after System.gc() (repeated until it settles), from MemoryMXBean; as the JVM peers. */
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
