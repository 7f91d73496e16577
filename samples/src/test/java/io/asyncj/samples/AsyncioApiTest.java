package io.asyncj.samples;

import static io.asyncj.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.EventLoop;
import io.asyncj.Future;
import io.asyncj.ReturnWhen;
import io.asyncj.Task;
import io.asyncj.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The pinned API used the way a user writes it, from compiled {@code @Async} code; the expected
 * traces are CPython 3.11's for the same programs.
 */
class AsyncioApiTest {
    private final List<String> trace = new ArrayList<>();

    @Async
    Coroutine<String> job(String name, double seconds) {
        trace.add("start " + name);
        await(sleep(seconds));
        trace.add("end " + name);
        return completed(name);
    }

    @Async
    Coroutine<String> waitFirstCompleted() {
        Task<String> slow = createTask(job("slow", 0.05));
        Task<String> fast = createTask(job("fast", 0.01));
        WaitResult<String> r = await(Asyncio.wait(List.of(slow, fast), ReturnWhen.FIRST_COMPLETED, null));
        String done = r.done().iterator().next().result();
        boolean slowPending = r.pending().contains(slow);
        await(slow);
        return completed(done + " " + slowPending + " " + r.done().size() + "/" + r.pending().size());
    }

    @Test
    void waitReturnsDoneAndPendingSets() {
        assertEquals("fast true 1/1", run(waitFirstCompleted()));
        assertEquals(List.of("start slow", "start fast", "end fast", "end slow"), trace);
    }

    @Async
    Coroutine<List<String>> inCompletionOrder() {
        List<String> order = new ArrayList<>();
        for (Coroutine<String> next : asCompleted(List.of(job("a", 0.03), job("b", 0.01), job("c", 0.02)))) {
            order.add(await(next));
        }
        return completed(order);
    }

    @Test
    void asCompletedYieldsInCompletionOrder() {
        assertEquals(List.of("b", "c", "a"), run(inCompletionOrder()));
    }

    @Async
    Coroutine<String> shielded() {
        Task<String> inner = createTask(job("inner", 0.02));
        Future<String> outer = shield(inner);
        getRunningLoop().callLater(0.01, () -> outer.cancel());
        try {
            await(outer);
        } catch (CancelledException e) {
            trace.add("outer cancelled");
        }
        return completed(await(inner) + " survived");
    }

    @Test
    void shieldKeepsTheInnerTaskRunning() {
        assertEquals("inner survived", run(shielded()));
        assertEquals(List.of("start inner", "outer cancelled", "end inner"), trace);
    }

    @Async
    Coroutine<List<Object>> gatherWithExceptions() {
        Task<String> failing = createTask(failAfter(0.01));
        List<Object> all = await(gather(true, job("ok", 0.02), failing, sleep(0.01, 42)));
        return completed(all);
    }

    @Async
    static Coroutine<String> failAfter(double seconds) {
        await(sleep(seconds));
        throw new IllegalArgumentException("bad input");
    }

    @Test
    void gatherReturnsExceptionsAsValues() {
        List<Object> all = run(gatherWithExceptions());
        assertEquals("ok", all.get(0));
        assertTrue(all.get(1) instanceof IllegalArgumentException);
        assertEquals(42, all.get(2));
    }

    @Async
    Coroutine<String> names() {
        String main = currentTask().getName();
        Task<String> named = createTask(job("x", 0), "worker");
        int pending = allTasks().size();
        await(named);
        return completed(main.startsWith("Task-") + " " + named.getName() + " " + pending);
    }

    @Test
    void taskNamesAndAllTasks() {
        assertEquals("true worker 2", run(names()));
    }

    @Async
    Coroutine<String> timeouts() {
        String r;
        try {
            r = await(waitFor(job("slow", 1.0), Duration.ofMillis(10)));
        } catch (AsyncTimeoutException e) {
            r = "timeout";
        }
        String quick = await(waitFor(job("quick", 0.001), 1.0));
        return completed(r + " " + quick);
    }

    @Test
    void waitForCancelsTheSlowWork() {
        assertEquals("timeout quick", run(timeouts()));
        assertEquals(List.of("start slow", "start quick", "end quick"), trace);
    }

    @Async
    Coroutine<Integer> bridges() {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        new Thread(() -> cf.complete(41)).start();
        int v = await(cf);
        Future<Integer> f = getRunningLoop().createFuture();
        CompletableFuture<Integer> back = f.toCompletableFuture();
        f.setResult(v + 1);
        await(sleep(0));
        return completed(back.join());
    }

    @Test
    void completableFuturesBothWays() {
        assertEquals(42, run(bridges()));
    }

    @Test
    void ownLoopRunsUntilComplete() {
        try (EventLoop loop = newEventLoop()) {
            List<String> order = new ArrayList<>();
            loop.callSoon(() -> order.add("soon"));
            loop.callLater(0.01, () -> order.add("later"));
            assertEquals("a", loop.runUntilComplete(job("a", 0.02)));
            assertEquals(List.of("soon", "later"), order);
        }
    }
}
