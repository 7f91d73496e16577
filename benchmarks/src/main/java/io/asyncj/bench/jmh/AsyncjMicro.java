package io.asyncj.bench.jmh;

import static io.asyncj.Asyncio.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.Task;
import io.asyncj.TimerHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of asyncj's unit costs, each reported as ns per operation: one await on the
 * fast path (a done future), one await of an {@code @Async} call that completes at once, one suspension and resumption through the loop ({@code sleep(0)}), one
 * task spawn (createTask + completion + gather), one timer insert and cancel. Each invocation runs
 * {@link #OPS} operations inside one {@code runUntilComplete} on an event loop made once per trial,
 * so the per-invocation cost of entering the loop is amortized over them.
 *
 * <p>Run with {@code benchmarks/run.sh --jmh [regex]} (never part of the test phase).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AsyncjMicro {
    static final int OPS = 1000;

    EventLoop loop;
    Future<Integer>[] ring;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        loop = newEventLoop();
        ring = new Future[1024];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = loop.createFuture();
            ring[i].setResult(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    // ---- one await of an already-completed future: a check and a branch, no suspension

    @Async
    static Coroutine<Long> awaitDoneLoop(Future<Integer>[] ring, int ops) {
        long s = 0;
        for (int k = 0; k < ops; k++) {
            s += await(ring[k & 1023]);
        }
        return completed(s);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long awaitDone() {
        return loop.runUntilComplete(awaitDoneLoop(ring, OPS));
    }

    // ---- one await of an @Async call that completes at once: its state machine is allocated,
    // run inline by the task's trampoline and read back (W7's cost per level, without the depth)

    @Async
    static Coroutine<Integer> plusOne(int i) {
        return completed(i + 1);
    }

    @Async
    static Coroutine<Long> awaitCoroutineLoop(int ops) {
        long s = 0;
        for (int k = 0; k < ops; k++) {
            s += await(plusOne(k & 63)); // small values: Integer's cache, no boxing allocation
        }
        return completed(s);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long awaitCoroutine() {
        return loop.runUntilComplete(awaitCoroutineLoop(OPS));
    }

    // ---- one suspension and resumption through the loop's ready queue

    @Async
    static Coroutine<Integer> yieldLoop(int ops) {
        for (int k = 0; k < ops; k++) {
            await(sleep(0));
        }
        return completed(ops);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int suspendResume() {
        return loop.runUntilComplete(yieldLoop(OPS));
    }

    // ---- one task: createTask, one step to completion, collected by gather

    @Async
    static Coroutine<Integer> leaf(int i) {
        return completed(i);
    }

    @Async
    static Coroutine<Integer> spawnLoop(int ops) {
        List<Task<Integer>> tasks = new ArrayList<>(ops);
        for (int i = 0; i < ops; i++) {
            tasks.add(createTask(leaf(i)));
        }
        List<Integer> values = await(gather(tasks));
        return completed(values.size());
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int spawn() {
        return loop.runUntilComplete(spawnLoop(OPS));
    }

    // ---- one timer: callLater far in the future, then cancel it

    static final Runnable NOOP = () -> {};

    @Async
    static Coroutine<Integer> timerLoop(EventLoop loop, int ops) {
        int cancelled = 0;
        for (int i = 0; i < ops; i++) {
            TimerHandle h = loop.callLater(60.0 + i * 1e-6, NOOP);
            h.cancel();
            if (h.isCancelled()) {
                cancelled++;
            }
        }
        await(sleep(0)); // one loop iteration, which may purge the cancelled timers
        return completed(cancelled);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int timerInsertCancel() {
        return loop.runUntilComplete(timerLoop(loop, OPS));
    }
}
