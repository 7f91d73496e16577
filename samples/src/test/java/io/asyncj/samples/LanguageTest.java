package io.asyncj.samples;

import static io.asyncj.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Programs a user would write, compiled by the real build (Maven, the processor on the processor
 * path), run on the real loop. Each checks its trace; where it helps, the same body also runs as a
 * plain method with the awaits replaced by values, and the traces must match.
 */
class LanguageTest {
    private final List<String> trace = new ArrayList<>();

    // ---- helpers awaited by the programs ----

    @Async
    static Coroutine<Integer> value(int v) {
        await(sleep(0));
        return completed(v);
    }

    @Async
    static Coroutine<Integer> now(int v) {
        return completed(v);
    }

    @Async
    static Coroutine<String> text(String s) {
        await(sleep(0.001));
        return completed(s);
    }

    @Async
    static Coroutine<Boolean> flag(boolean b) {
        await(sleep(0));
        return completed(b);
    }

    @Async
    static Coroutine<Void> fail(String message) throws IOException {
        await(sleep(0));
        throw new IOException(message);
    }

    int log(String s, int v) {
        trace.add(s);
        return v;
    }

    // ---- expressions ----

    @Async
    Coroutine<Integer> arithmetic() {
        int a = await(value(1)) + await(value(2)) * await(now(3));
        int b = log("left", 10) - await(value(log("right", 4)));
        return completed(a * 100 + b);
    }

    @Test
    void awaitsInsideExpressionsKeepLeftToRightOrder() {
        assertEquals(706, run(arithmetic()));
        assertEquals(List.of("left", "right"), trace);
    }

    @Async
    Coroutine<String> shortCircuit() {
        boolean x = await(flag(false)) && await(flag(log("never", 1) == 1));
        boolean y = await(flag(true)) || await(flag(log("never either", 1) == 1));
        String z = await(flag(x)) ? await(text("then")) : await(text("else"));
        return completed(x + " " + y + " " + z);
    }

    @Test
    void shortCircuitAndConditionalEvaluateOnlyTheirTakenBranch() {
        assertEquals("false true else", run(shortCircuit()));
        assertEquals(List.of(), trace);
    }

    @Async
    Coroutine<String> receiversAndArguments() {
        String s = await(text("hello")).toUpperCase() + await(text(" world")).length();
        List<Integer> list = new ArrayList<>(List.of(await(value(1)), await(now(2)), await(value(3))));
        int[] arr = {await(value(4)), 5, await(value(6))};
        arr[log("index", 1)] += await(value(10));
        Object o = await(text("cast"));
        return completed(s + list + arr[0] + arr[1] + arr[2] + ((String) o).length());
    }

    @Test
    void awaitsAsReceiversArgumentsAndArrayElements() {
        assertEquals("HELLO6[1, 2, 3]41564", run(receiversAndArguments()));
        assertEquals(List.of("index"), trace);
    }

    @Async
    Coroutine<String> patternsAndSwitches(Object o) {
        if (o instanceof String s && await(flag(true))) {
            await(sleep(0));
            trace.add("string " + s.length());
        }
        int k = await(value(2));
        String r = switch (k) {
            case 1 -> "one";
            case 2 -> {
                String t = await(text("two"));
                yield t + "!";
            }
            default -> "many";
        };
        switch (await(value(3))) {
            case 3:
                trace.add("three");
            case 4:
                trace.add("fell into four");
                break;
            default:
                trace.add("default");
        }
        return completed(r);
    }

    @Test
    void instanceofPatternsAndSwitchesAcrossAwaits() {
        assertEquals("two!", run(patternsAndSwitches("abc")));
        assertEquals(List.of("string 3", "three", "fell into four"), trace);
    }

    // ---- statements ----

    @Async
    Coroutine<Integer> loops() {
        int sum = 0;
        for (int i = 0; i < await(value(5)); i += await(value(1))) {
            if (i == 1) {
                continue;
            }
            sum += await(value(i));
        }
        outer:
        while (true) {
            for (String s : List.of("a", "b", "c")) {
                trace.add(await(text(s)));
                if (s.equals("b")) {
                    break outer;
                }
            }
        }
        int n = 0;
        do {
            n += await(value(1));
        } while (n < 3);
        for (int x : new int[] {await(value(7)), 8}) {
            sum += x;
        }
        return completed(sum * 10 + n);
    }

    @Test
    void loopsWithAwaitsInConditionsUpdatesAndBodies() {
        assertEquals((0 + 2 + 3 + 4 + 7 + 8) * 10 + 3, run(loops()));
        assertEquals(List.of("a", "b"), trace);
    }

    @Async
    Coroutine<String> tryCatchFinally() {
        try {
            await(fail("first"));
            trace.add("not reached");
        } catch (IOException e) {
            trace.add("caught " + e.getMessage());
            await(sleep(0));
            trace.add("after await in catch");
        } finally {
            await(sleep(0));
            trace.add("finally");
        }
        try {
            try {
                await(fail("inner"));
            } finally {
                trace.add("inner finally");
            }
        } catch (IOException | IllegalStateException e) {
            trace.add("outer caught " + e.getMessage());
        }
        return completed(await(finallyOverrides()));
    }

    @Async
    @SuppressWarnings("finally")
    Coroutine<String> finallyOverrides() {
        try {
            await(fail("dropped"));
            return completed("not this");
        } finally {
            return completed(await(text("finally wins")));
        }
    }

    @Test
    void tryCatchFinallyWithAwaitsEverywhere() {
        assertEquals("finally wins", run(tryCatchFinally()));
        assertEquals(List.of("caught first", "after await in catch", "finally", "inner finally", "outer caught inner"),
                trace);
    }

    @Async
    Coroutine<Integer> breakThroughFinally() {
        int i = 0;
        while (true) {
            try {
                i += await(value(1));
                if (i == 2) {
                    break;
                }
            } finally {
                trace.add("finally " + i);
                await(sleep(0));
            }
        }
        return completed(i);
    }

    @Test
    void breakPassesThroughFinallyThatAwaits() {
        assertEquals(2, run(breakThroughFinally()));
        assertEquals(List.of("finally 1", "finally 2"), trace);
    }

    static final class Resource implements AutoCloseable {
        final List<String> trace;
        final String name;

        Resource(List<String> trace, String name) {
            this.trace = trace;
            this.name = name;
            trace.add("open " + name);
        }

        @Override
        public void close() {
            trace.add("close " + name);
        }
    }

    @Async
    Coroutine<String> tryWithResources() throws IOException {
        try (Resource a = new Resource(trace, "a"); Resource b = new Resource(trace, await(text("b")))) {
            await(sleep(0));
            trace.add("body " + a.name + b.name);
            await(fail("boom"));
        }
        return completed("not reached");
    }

    @Test
    void tryWithResourcesClosesInReverseOrderAcrossAwaits() {
        IOException e = assertThrows(IOException.class, () -> run(tryWithResources()));
        assertEquals("boom", e.getMessage());
        assertEquals(List.of("open a", "open b", "body ab", "close b", "close a"), trace);
    }

    // ---- locals, lambdas, generics, members ----

    private int counter;

    private int bump() {
        return ++counter;
    }

    @Async
    <T extends Comparable<T>> Coroutine<T> max(List<T> items) {
        T best = null;
        for (T item : items) {
            await(sleep(0));
            if (best == null || item.compareTo(best) > 0) {
                best = item;
            }
        }
        return completed(best);
    }

    @Async
    Coroutine<String> localsAndLambdas(int param) {
        var map = new TreeMap<String, Integer>();
        long big = 1L << 40;
        double d = 0.5;
        char c = 'x';
        {
            int shadow = await(value(1));
            map.put("first", shadow);
        }
        {
            String shadow = await(text("second"));
            map.put(shadow, 2);
        }
        int captured = await(value(40));
        Supplier<Integer> later = () -> captured + 2;
        param = param + await(value(1));
        Runnable r = new Runnable() {
            @Override
            public void run() {
                trace.add("anonymous sees " + captured);
            }
        };
        await(sleep(0));
        r.run();
        String best = await(max(List.of("pear", "apple", "zucchini")));
        bump();
        return completed(map + " " + later.get() + " " + param + " " + big + " " + d + c + " " + best + " " + counter);
    }

    @Test
    void localsOfEveryKindSurviveSuspension() {
        assertEquals("{first=1, second=2} 42 11 1099511627776 0.5x zucchini 1", run(localsAndLambdas(10)));
        assertEquals(List.of("anonymous sees 40"), trace);
    }

    interface Greeter {
        @Async
        default Coroutine<String> greet(String name) {
            String g = await(text("hello "));
            return completed(g + name);
        }
    }

    enum Mode {
        FAST;

        @Async
        Coroutine<String> describe() {
            await(sleep(0));
            return completed(name().toLowerCase());
        }
    }

    @Async
    static Coroutine<Integer> depth(int n) {
        if (n == 0) {
            return completed(0);
        }
        return completed(await(depth(n - 1)) + 1);
    }

    @Test
    void defaultMethodsEnumsAndDeepRecursion() {
        assertEquals("hello you", run(new Greeter() {}.greet("you")));
        assertEquals("fast", run(Mode.FAST.describe()));
        assertEquals(10_000, run(depth(10_000)));
    }

    // ---- awaiting other things; tasks ----

    @Async
    Coroutine<String> awaitOtherThings() {
        String fromCf = await(CompletableFuture.supplyAsync(() -> "cf"));
        Future<String> f = getRunningLoop().createFuture();
        getRunningLoop().callLater(0.001, () -> f.setResult("future"));
        Task<String> t = createTask(text("task"));
        String viaMethod = text("method").await();
        return completed(fromCf + " " + await(f) + " " + await(t) + " " + viaMethod);
    }

    @Test
    void awaitsCompletableFuturesFuturesTasksAndDotAwait() {
        assertEquals("cf future task method", run(awaitOtherThings()));
    }

    @Async
    Coroutine<String> cancelledWorker() {
        try {
            await(sleep(10));
            return completed("slept");
        } catch (CancelledException e) {
            trace.add("cancelled: " + e.getMessage());
            throw e;
        } finally {
            trace.add("finally");
        }
    }

    @Async
    Coroutine<String> cancellation() {
        Task<String> t = createTask(cancelledWorker());
        await(sleep(0.01));
        t.cancel("stop");
        try {
            await(t);
        } catch (CancelledException e) {
            trace.add("awaiter saw it");
        }
        try {
            await(waitFor(sleep(10), 0.01));
        } catch (AsyncTimeoutException e) {
            trace.add("timed out");
        }
        return completed(String.valueOf(t.isCancelled()));
    }

    @Test
    void cancellationLandsAtTheAwaitAndRunsCatchAndFinally() {
        assertEquals("true", run(cancellation()));
        assertEquals(List.of("cancelled: stop", "finally", "awaiter saw it", "timed out"), trace);
    }

    @Async
    Coroutine<Map<String, Integer>> returnsACoroutine() {
        return gatherAsMap();
    }

    @Async
    Coroutine<Map<String, Integer>> gatherAsMap() {
        List<Integer> all = await(gather(value(1), value(2), now(3)));
        Map<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            m.put("k" + i, all.get(i));
        }
        return completed(m);
    }

    @Test
    void returningACoroutineAwaitsIt() {
        assertEquals(Map.of("k0", 1, "k1", 2, "k2", 3), run(returnsACoroutine()));
    }

    @Async
    static Coroutine<Void> uncheckedFailure() {
        await(sleep(0));
        throw new UncheckedIOException(new IOException("unchecked"));
    }

    @Test
    void exceptionsLeaveRunUnwrapped() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> run(uncheckedFailure()));
        assertEquals("unchecked", e.getCause().getMessage());
        IOException io = assertThrows(IOException.class, () -> run(fail("checked")));
        assertEquals("checked", io.getMessage());
        StackTraceElement top = io.getStackTrace()[0];
        assertTrue(top.getFileName().equals("LanguageTest.java"), top.toString());
    }
}
