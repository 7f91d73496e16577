package io.asyncj.bench.peers;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The Java virtual threads peer (JDK 25). Every workload body itself runs in a virtual thread, so
 * with {@code -Djdk.virtualThreadScheduler.parallelism=1} (what run.sh passes for peer "vthreads")
 * all of it runs on one carrier, the fair comparison with one event loop. "Tasks" are virtual
 * threads from {@link Executors#newVirtualThreadPerTaskExecutor()}, awaited with {@code Future.get()}.
 */
public final class VtBench {
    private VtBench() {}

    static <T> T inVirtualThread(Callable<T> body) throws Exception {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            return ex.submit(body).get();
        }
    }

    /**
     * W1: N virtual threads ({@code Thread.ofVirtual().start}, the leanest spawn: measured faster than
     * an executor's {@code submit}); each yields once ({@code Thread.yield()}) and stores its index;
     * joined in order; the sum is checked.
     */
    static Bench.Run w1(int n) throws Exception {
        return inVirtualThread(() -> {
            long t0 = System.nanoTime();
            Thread[] ts = new Thread[n];
            int[] results = new int[n];
            for (int i = 0; i < n; i++) {
                final int idx = i;
                ts[i] = Thread.ofVirtual().start(() -> {
                    Thread.yield();
                    results[idx] = idx;
                });
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                ts[i].join();
                sum += results[i];
            }
            double dt = Bench.secondsSince(t0);
            if (sum != (long) n * (n - 1) / 2) throw new AssertionError("W1 sum " + sum);
            return new Bench.Run(dt, n, "sum_ok=1");
        });
    }

    /** W2: join() round-robin on a ring of 1,024 already-completed CompletableFutures. */
    static Bench.Run w2(int n) throws Exception {
        return inVirtualThread(() -> {
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
    }

    /** W3: two virtual threads exchange N messages through two one-slot ArrayBlockingQueues. */
    static Bench.Run w3(int n) throws Exception {
        return inVirtualThread(() -> {
            ArrayBlockingQueue<Integer> q1 = new ArrayBlockingQueue<>(1);
            ArrayBlockingQueue<Integer> q2 = new ArrayBlockingQueue<>(1);
            long t0 = System.nanoTime();
            long s;
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Long> ping = ex.submit(() -> {
                    long acc = 0;
                    for (int i = 0; i < n; i++) {
                        q1.put(i);
                        acc += q2.take();
                    }
                    return acc;
                });
                Future<?> pong = ex.submit(() -> {
                    for (int i = 0; i < n; i++) q2.put(q1.take());
                    return null;
                });
                s = ping.get();
                pong.get();
            }
            double dt = Bench.secondsSince(t0);
            if (s != (long) n * (n - 1) / 2) throw new AssertionError("W3 sum");
            return new Bench.Run(dt, n, "round_trips=" + n + ",queue=ArrayBlockingQueue(1)");
        });
    }

    /** W4: N virtual threads each sleep a seeded random 0-100 ms, then bump a counter. */
    static Bench.Run w4(int n) throws Exception {
        long[] delays = Bench.delaysNanos(n);
        return inVirtualThread(() -> {
            AtomicLong counter = new AtomicLong();
            AtomicLong lateSum = new AtomicLong();
            LongAccumulator lateMax = new LongAccumulator(Math::max, 0);
            long t0 = System.nanoTime();
            Thread[] ts = new Thread[n];
            for (int i = 0; i < n; i++) {
                final long d = delays[i];
                ts[i] = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(Duration.ofNanos(d));
                    } catch (InterruptedException e) {
                        throw new RuntimeException(e);
                    }
                    long late = System.nanoTime() - (t0 + d);
                    lateSum.addAndGet(late);
                    lateMax.accumulate(late);
                    counter.incrementAndGet();
                });
            }
            for (Thread t : ts) t.join();
            double dt = Bench.secondsSince(t0);
            if (counter.get() != n) throw new AssertionError("W4 counter");
            return new Bench.Run(dt, n, Bench.timerExtra(dt, n, lateSum.get(), lateMax.get()));
        });
    }

    static final int W5_CLIENTS = 100;

    /** W5: blocking java.net sockets, one virtual thread per connection on each side. */
    static Bench.Run w5(int n) throws Exception {
        int perClient = Math.max(1, n / W5_CLIENTS);
        return inVirtualThread(() -> {
            try (ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
                 ExecutorService serverEx = Executors.newVirtualThreadPerTaskExecutor()) {
                serverEx.submit(() -> {
                    while (!server.isClosed()) {
                        Socket s;
                        try {
                            s = server.accept();
                        } catch (java.net.SocketException closed) {
                            return null;
                        }
                        s.setTcpNoDelay(true);
                        serverEx.submit(() -> {
                            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                                byte[] buf = new byte[4096];
                                int r;
                                while ((r = in.read(buf)) > 0) out.write(buf, 0, r);
                            }
                            return null;
                        });
                    }
                    return null;
                });
                byte[] msg = "0123456789abcdef".getBytes();
                long t0 = System.nanoTime();
                try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<?>> fs = new ArrayList<>();
                    for (int c = 0; c < W5_CLIENTS; c++) {
                        fs.add(clients.submit(() -> {
                            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                                s.setTcpNoDelay(true);
                                InputStream in = s.getInputStream();
                                OutputStream out = s.getOutputStream();
                                for (int i = 0; i < perClient; i++) {
                                    out.write(msg);
                                    byte[] back = in.readNBytes(16);
                                    if (!Arrays.equals(back, msg)) throw new AssertionError("W5 echo mismatch");
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : fs) f.get();
                }
                double dt = Bench.secondsSince(t0);
                server.close();
                return new Bench.Run(dt, (long) perClient * W5_CLIENTS,
                        "clients=" + W5_CLIENTS + ",per_client=" + perClient);
            }
        });
    }

    /** W6: N virtual threads parked in join() on one never-completed future; heap after GC. */
    static Bench.Run w6(int n) throws Exception {
        w6Once(Math.min(n, 10_000)); // load and link the classes before the baseline
        return w6Once(n);
    }

    static Bench.Run w6Once(int n) throws Exception {
        CompletableFuture<Void> never = new CompletableFuture<>();
        long before = Bench.usedHeapAfterGc();
        long t0 = System.nanoTime();
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) threads[i] = Thread.ofVirtual().start(never::join);
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) Thread.sleep(1);
        }
        double dt = Bench.secondsSince(t0);
        long after = Bench.usedHeapAfterGc();
        String extra = Bench.memoryExtra(before, after, n);
        never.complete(null);
        for (Thread t : threads) t.join();
        return new Bench.Run(dt, n, extra);
    }

    static int rec(int d) {
        return d == 0 ? 0 : rec(d - 1) + 1;
    }

    /** W7: plain recursion to depth N in a virtual thread (what a virtual-thread user writes). */
    static Bench.Run w7(int n) throws Exception {
        int reps = Math.max(1, 2_000_000 / n);
        return inVirtualThread(() -> {
            long s = 0;
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) s += rec(n);
            double dt = Bench.secondsSince(t0);
            if (s != (long) n * reps) throw new AssertionError("W7 sum");
            return new Bench.Run(dt, (long) n * reps, "depth=" + n + ",reps=" + reps);
        });
    }

    public static void main(String[] args) throws Exception {
        Bench.main("vthreads", args, Map.of("W1", VtBench::w1, "W2", VtBench::w2, "W3", VtBench::w3,
                "W4", VtBench::w4, "W5", VtBench::w5, "W6", VtBench::w6, "W7", VtBench::w7));
    }
}
