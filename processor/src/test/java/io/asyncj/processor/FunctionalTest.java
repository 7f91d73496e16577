package io.asyncj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Programs compiled with the processor, run on the event loop, output checked. */
class FunctionalTest {
    private static final String HEADER = """
            package demo;
            import io.asyncj.*;
            import java.util.*;
            import java.io.IOException;
            import static io.asyncj.Asyncio.*;
            """;

    private static String run(String body) {
        return Harness.run("demo.Main", HEADER + body);
    }

    @Test
    void instanceMethodTouchesPrivateMembersAndThis() {
        assertEquals("hello 3 demo.Main true", run("""
                public class Main {
                    private int count = 1;
                    private String greet(String s) { return "hello " + s; }
                    @Override public String toString() { return "demo.Main"; }
                    @Async Coroutine<String> go() {
                        count += await(sleep(0.0, 2));
                        Main self = this;
                        return completed(greet("" + count) + " " + toString() + " " + (self == this));
                    }
                    static String main() { return run(new Main().go()); }
                }
                """));
    }

    @Test
    void genericMethodsVarAndWildcards() {
        assertEquals("[a, b]|a|2", run("""
                public class Main {
                    @Async static <T extends Comparable<T>> Coroutine<T> min(List<? extends T> xs) {
                        var best = xs.get(0);
                        for (var x : xs) {
                            await(sleep(0));
                            if (x.compareTo(best) < 0) best = x;
                        }
                        return completed(best);
                    }
                    @Async static Coroutine<String> go() {
                        List<String> l = new ArrayList<>(List.of("b", "a"));
                        Collections.sort(l);
                        var m = await(min(l));
                        Map<String, List<Integer>> map = new TreeMap<>();
                        map.computeIfAbsent(m, k -> new ArrayList<>()).add(await(sleep(0.0, 2)));
                        return completed(l + "|" + m + "|" + map.get("a").get(0));
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void everyPrimitiveStaysUnboxedAcrossAwaits() {
        assertEquals("true 1 2 3 4 5 6.5 7.5 x", run("""
                public class Main {
                    @Async static Coroutine<String> go() {
                        boolean z = true; byte b = 1; short s = 2; int i = 3; long l = 4; char c = '5';
                        float f = 6.5f; double d = 7.5; char x = 'x';
                        await(sleep(0));
                        return completed(z + " " + b + " " + s + " " + i + " " + l + " " + c + " " + f + " " + d + " " + x);
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void lambdasCaptureSnapshotsOfHoistedLocals() {
        assertEquals("0 1 2", run("""
                public class Main {
                    @Async static Coroutine<String> go() {
                        List<java.util.function.Supplier<String>> fs = new ArrayList<>();
                        for (int i = 0; i < 3; i++) {
                            int k = i;
                            await(sleep(0));
                            fs.add(() -> "" + k);
                            await(sleep(0));
                        }
                        StringBuilder sb = new StringBuilder();
                        for (var f : fs) sb.append(sb.length() == 0 ? "" : " ").append(f.get());
                        return completed(sb.toString());
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void checkedExceptionsPropagateAndCatchStaysLegal() {
        assertEquals("caught boom / finally / after", run("""
                public class Main {
                    static StringBuilder sb = new StringBuilder();
                    @Async static Coroutine<String> read(String p) throws IOException {
                        await(sleep(0));
                        throw new IOException(p);
                    }
                    @Async static Coroutine<Void> go() {
                        try {
                            await(read("boom"));
                            sb.append("not here");
                        } catch (IOException e) {
                            sb.append("caught ").append(e.getMessage());
                        } finally {
                            sb.append(" / finally");
                        }
                        sb.append(" / after");
                        return completed();
                    }
                    static String main() { run(go()); return sb.toString(); }
                }
                """));
    }

    @Test
    void finallyWithAwaitRunsOnReturnBreakAndException() {
        // sb.append("r=") runs before the awaited ret() appends "f1 ": Java's left-to-right order
        assertEquals("r=f1 1 | f2 loop-out | f3 e=x", run("""
                public class Main {
                    static StringBuilder sb = new StringBuilder();
                    @Async static Coroutine<Integer> ret() {
                        try {
                            return completed(await(sleep(0.0, 1)));
                        } finally {
                            await(sleep(0));
                            sb.append("f1 ");
                        }
                    }
                    @Async static Coroutine<Void> brk() {
                        while (true) {
                            try {
                                await(sleep(0));
                                break;
                            } finally {
                                sb.append("f2 ");
                                await(sleep(0));
                            }
                        }
                        sb.append("loop-out");
                        return completed();
                    }
                    @Async static Coroutine<Void> exc() {
                        try {
                            await(sleep(0));
                            throw new IllegalStateException("x");
                        } finally {
                            await(sleep(0));
                            sb.append("f3 ");
                        }
                    }
                    @Async static Coroutine<Void> go() {
                        sb.append("r=").append(await(ret()));
                        sb.append(" | ");
                        await(brk());
                        sb.append(" | ");
                        try { await(exc()); } catch (IllegalStateException e) { sb.append("e=" + e.getMessage()); }
                        return completed();
                    }
                    static String main() { run(go()); return sb.toString(); }
                }
                """));
    }

    @Test
    void finallyOverridesWithReturn() {
        assertEquals("2", run("""
                public class Main {
                    @SuppressWarnings("finally")
                    @Async static Coroutine<Integer> go() {
                        try {
                            await(sleep(0));
                            throw new IllegalStateException();
                        } finally {
                            return completed(await(sleep(0.0, 2)));
                        }
                    }
                    static String main() { return "" + run(go()); }
                }
                """));
    }

    @Test
    void cancellationArrivesAtTheAwaitInsideTry() {
        assertEquals("cancelled finally", run("""
                public class Main {
                    static StringBuilder sb = new StringBuilder();
                    @Async static Coroutine<Void> sleeper() {
                        try {
                            await(sleep(10));
                            sb.append("woke");
                        } catch (CancelledException e) {
                            sb.append("cancelled");
                            throw e;
                        } finally {
                            sb.append(" finally");
                        }
                        return completed();
                    }
                    @Async static Coroutine<Void> go() {
                        Task<Void> t = createTask(sleeper());
                        await(sleep(0));
                        t.cancel();
                        try { await(t); } catch (CancelledException e) { }
                        return completed();
                    }
                    static String main() { run(go()); return sb.toString(); }
                }
                """));
    }

    @Test
    void returningACoroutineAwaitsIt() {
        assertEquals("6", run("""
                public class Main {
                    @Async static Coroutine<Integer> sum(int n) {
                        if (n == 0) return completed(0);
                        return plus(n, sum(n - 1));
                    }
                    @Async static Coroutine<Integer> plus(int n, Coroutine<Integer> rest) {
                        return completed(n + await(rest));
                    }
                    static String main() { return "" + run(sum(3)); }
                }
                """));
    }

    @Test
    void tenThousandNestedSynchronousAwaitsDoNotOverflowTheStack() {
        assertEquals("10000", run("""
                public class Main {
                    @Async static Coroutine<Integer> depth(int n) {
                        if (n == 0) return completed(0);
                        return completed(1 + await(depth(n - 1)));
                    }
                    static String main() { return "" + run(depth(10_000)); }
                }
                """));
    }

    @Test
    void nestedInnerEnumInterfaceAndRecursion() {
        assertEquals("inner:5 enum:B2 iface:7 fib:13", run("""
                public class Main {
                    int base = 2;
                    class Inner {
                        @Async Coroutine<Integer> plus(int x) { return completed(base + await(sleep(0.0, x))); }
                    }
                    enum E { A, B;
                        @Async Coroutine<String> tag() { await(sleep(0)); return completed(name() + ordinal() * 2); }
                    }
                    interface I {
                        int k();
                        @Async default Coroutine<Integer> twiceK() { int v = await(sleep(0.0, k())); return completed(v + k() - 1); }
                    }
                    @Async static Coroutine<Integer> fib(int n) {
                        if (n < 2) return completed(n);
                        return completed(await(fib(n - 1)) + await(fib(n - 2)));
                    }
                    @Async static Coroutine<String> go() {
                        Main m = new Main();
                        int a = await(m.new Inner().plus(3));
                        String b = await(E.B.tag());
                        I i = () -> 4;
                        int c = await(i.twiceK());
                        return completed("inner:" + a + " enum:" + b + " iface:" + c + " fib:" + await(fib(7)));
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void localClassesAndRecordsInTheBody() {
        assertEquals("P[x=1, y=2] 3", run("""
                public class Main {
                    @Async static Coroutine<String> go() {
                        record P(int x, int y) {}
                        P p = new P(1, await(sleep(0.0, 2)));
                        class Adder { int add(P p) { return p.x() + p.y(); } }
                        int sum = new Adder().add(p);
                        return completed(p + " " + sum);
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void awaitOnFuturesCompletionStagesAndMethodSpelling() {
        assertEquals("7 8 9", run("""
                public class Main {
                    @Async static Coroutine<String> go() {
                        java.util.concurrent.CompletableFuture<Integer> cf = java.util.concurrent.CompletableFuture.completedFuture(7);
                        int a = await(cf);
                        int b = sleep(0.0, 8).await();
                        Task<Integer> t = createTask(sleep(0.0, 9));
                        return completed(a + " " + b + " " + t.await());
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void labeledJumpsEnhancedForAndSwitchOnStrings() {
        assertEquals("a1 b1 |x:2|", run("""
                public class Main {
                    @Async static Coroutine<String> go() {
                        StringBuilder sb = new StringBuilder();
                        outer:
                        for (String s : new String[] {"a", "b", "c"}) {
                            for (int i : List.of(1, 2, 3)) {
                                if (s.equals("c")) break outer;
                                sb.append(s).append(await(sleep(0.0, i))).append(' ');
                                continue outer;
                            }
                        }
                        switch (await(sleep(0.0, "x"))) {
                            case "y" -> sb.append("no");
                            case "x" -> sb.append("|x:").append(await(sleep(0.0, 2))).append('|');
                            default -> sb.append("no");
                        }
                        return completed(sb.toString());
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void stackTracesPointAtTheUsersLines() {
        String trace = run("""
                public class Main {
                    @Async static Coroutine<Void> fail() {
                        await(sleep(0));
                        int x = 1;
                        throw new IllegalStateException("line 10");
                    }
                    static String main() {
                        try { run(fail()); return "no"; }
                        catch (IllegalStateException e) { return e.getStackTrace()[0].toString(); }
                    }
                }
                """);
        assertTrue(trace.endsWith("(Main.java:10)"), trace);
    }

    @Test
    void checkedExceptionsLeaveLoweredFinallyWithTheirStaticTypes() {
        // the inner finally holds the IOException while it runs; the outer multi-catch must still
        // be legal (javac: "never thrown in body") and catch it; precise rethrow and throws E too
        assertEquals("[inner finally, outer caught inner, rethrow p, pf, outer p, gen finally, main g]", run("""
                public class Main {
                    static List<String> trace = new ArrayList<>();
                    @Async static Coroutine<Void> fail(String m) throws IOException { await(sleep(0)); throw new IOException(m); }
                    interface Thrower<E extends Exception> { void run() throws E; }
                    @Async static <E extends Exception> Coroutine<Void> gen(Thrower<E> t) throws E {
                        try { await(sleep(0)); t.run(); } finally { trace.add("gen finally"); }
                        return completed();
                    }
                    @Async static Coroutine<String> f() {
                        try {
                            try { await(fail("inner")); } finally { trace.add("inner finally"); }
                        } catch (IOException | IllegalStateException e) { trace.add("outer caught " + e.getMessage()); }
                        try {
                            try {
                                await(fail("p"));
                            } catch (Exception e) {
                                trace.add("rethrow " + e.getMessage());
                                throw e;
                            } finally {
                                await(sleep(0));
                                trace.add("pf");
                            }
                        } catch (java.io.FileNotFoundException e) {
                            trace.add("no");
                        } catch (IOException e) {
                            trace.add("outer " + e.getMessage());
                        }
                        try {
                            await(gen(() -> { throw new java.io.FileNotFoundException("g"); }));
                        } catch (java.io.FileNotFoundException e) {
                            trace.add("main " + e.getMessage());
                        }
                        return completed("x");
                    }
                    static String main() { run(f()); return trace.toString(); }
                }
                """));
    }

    @Test
    void tryWithResourcesAwaitsInInitializersAndBody() {
        assertEquals(String.join("|", "open a", "open b", "body ab", "close b", "close a", "main java.io.IOException: boom",
                "open e", "open c", "close c", "close e", "caught body suppressed [close c, close e]", "finally",
                "open r0", "close r0", "open r1", "close r1", "open r2", "close r2", "ret"), run("""
                public class Main {
                    static List<String> trace = new ArrayList<>();
                    static class Resource implements java.io.Closeable {
                        final String name; final boolean failClose;
                        Resource(String name) { this(name, false); }
                        Resource(String name, boolean failClose) { this.name = name; this.failClose = failClose; trace.add("open " + name); }
                        @Override public void close() throws IOException {
                            trace.add("close " + name);
                            if (failClose) throw new IOException("close " + name);
                        }
                    }
                    @Async static Coroutine<Void> fail(String m) throws IOException { await(sleep(0)); throw new IOException(m); }
                    @Async static Coroutine<String> text(String s) { await(sleep(0)); return completed(s); }
                    @Async static Coroutine<String> f() throws IOException {
                        try (Resource a = new Resource("a"); Resource b = new Resource(await(text("b")))) {
                            await(sleep(0));
                            trace.add("body " + a.name + b.name);
                            await(fail("boom"));
                        }
                        return completed("x");
                    }
                    @Async static Coroutine<String> g() throws IOException {
                        Resource existing = new Resource("e", true);
                        try (existing; Resource n = null; var c = new Resource("c", true)) {
                            await(sleep(0));
                            throw new IllegalStateException("body");
                        } catch (IllegalStateException | IOException e) {
                            trace.add("caught " + e.getMessage() + " suppressed "
                                    + Arrays.stream(e.getSuppressed()).map(Throwable::getMessage).toList());
                        } finally {
                            trace.add("finally");
                        }
                        for (int i = 0; i < 3; i++) {
                            try (Resource r = new Resource("r" + i)) {
                                if (i == 1) continue;
                                if (await(text("x")).equals("x") && i == 2) return completed("ret");
                            }
                        }
                        return completed("end");
                    }
                    static String main() throws Exception {
                        try { run(f()); } catch (Exception e) { trace.add("main " + e); }
                        trace.add(run(g()));
                        return String.join("|", trace);
                    }
                }
                """));
    }

    @Test
    void patternBindingsLiveAcrossAwaits() {
        assertEquals(String.join("|", "string 3", "flow abc", "reassigned abc!", "int 5 ABC!", "ternary 1", "ok",
                "string 3", "flow abc", "reassigned abc!", "small 2", "ternary 1", "ok", "not a string"), run("""
                public class Main {
                    static List<String> trace = new ArrayList<>();
                    @Async static Coroutine<Boolean> flag(boolean b) { await(sleep(0)); return completed(b); }
                    @Async static Coroutine<String> f(Object o, Object p) {
                        if (o instanceof String s && await(flag(true))) {
                            await(sleep(0));
                            trace.add("string " + s.length());
                        }
                        if (!(o instanceof String s)) {
                            return completed("not a string");
                        }
                        await(sleep(0));
                        trace.add("flow " + s);
                        s = s + "!";
                        await(sleep(0));
                        trace.add("reassigned " + s);
                        String copy = s;
                        java.util.function.Supplier<String> sup = () -> copy.toUpperCase();
                        if (p instanceof Integer s2 && s2 > await(sleep(0, 1)) && await(flag(s2 > 2))) {
                            trace.add("int " + s2 + " " + sup.get());
                        } else if (p instanceof Integer i) {
                            trace.add("small " + i + await(sleep(0, "")));
                        }
                        Object q = await(sleep(0, (Object) List.of(1)));
                        trace.add("ternary " + (q instanceof List<?> l ? await(sleep(0, l.size())) : -1));
                        return completed("ok");
                    }
                    static String main() {
                        trace.add(run(f("abc", 5)));
                        trace.add(run(f("abc", 2)));
                        trace.add(run(f(1, 2)));
                        return String.join("|", trace);
                    }
                }
                """));
    }

    @Test
    void patternSwitchesWithAwaitsInTheirCases() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21, "pattern switches need JDK 21");
        assertEquals("sabc|d|p1|d|other1|d|other1|big5", run("""
                public class Main {
                    static List<String> trace = new ArrayList<>();
                    record P(int x, int y) {}
                    @Async static Coroutine<String> f(Object o) {
                        switch (o) {
                            case String s -> trace.add("s" + await(sleep(0, s)));
                            case P(int x, int y) when x > 0 -> trace.add("p" + await(sleep(0, x)));
                            case null, default -> trace.add("other" + await(sleep(0, 1)));
                        }
                        String r = switch (o) {
                            case Integer i when i > 3 -> "big" + await(sleep(0, i));
                            case Integer i -> "int";
                            case null, default -> "d";
                        };
                        return completed(r);
                    }
                    static String main() {
                        trace.add(run(f("abc")));
                        trace.add(run(f(new P(1, 2))));
                        trace.add(run(f(null)));
                        trace.add(run(f(5)));
                        return String.join("|", trace);
                    }
                }
                """));
    }

    @Test
    void localsKeptInJavaLocalsSurviveEveryWayOfLeavingAnAwait() {
        // $resume keeps hoisted locals in Java locals and saves them only where it parks: a loop
        // whose awaits are done futures (fast path), pending futures, failed futures (done and
        // pending), coroutines and yields, inside try/catch/finally, must see the same values
        assertEquals("0.1.2.[f3:3066].[g4:4110].5.|6165|6165", run("""
                public class Main {
                    static Future<Integer> done(int v) { Future<Integer> f = new Future<>(); f.setResult(v); return f; }
                    static Future<Integer> later(int v) {
                        Future<Integer> f = new Future<>();
                        getRunningLoop().callSoon(() -> f.setResult(v));
                        return f;
                    }
                    static Future<Integer> failed(String m, boolean now) {
                        Future<Integer> f = new Future<>();
                        if (now) f.setException(new IllegalStateException(m));
                        else getRunningLoop().callSoon(() -> f.setException(new IllegalStateException(m)));
                        return f;
                    }
                    @Async static Coroutine<Integer> co(int v) { await(sleep(0)); return completed(v); }
                    @Async static Coroutine<String> go() {
                        long acc = 0;
                        String trail = "";
                        long[] seen = new long[1];
                        for (int i = 0; i < 6; i++) {
                            try {
                                acc += await(i % 2 == 0 ? done(i) : later(i));
                                acc += await(co(10 * i));
                                if (i == 3) acc += await(failed("f" + i, false));
                                if (i == 4) acc += done(0).await() + await(failed("g" + i, true));
                                trail += i;
                            } catch (IllegalStateException e) {
                                trail += "[" + e.getMessage() + ":" + acc + "]";
                            } finally {
                                acc += 1000;
                                trail += ".";
                                await(sleep(0));
                                seen[0] = acc;
                            }
                        }
                        return completed(trail + "|" + acc + "|" + seen[0]);
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void localsReadOnlyByCatchAndFinallyAreSavedWhereTheMachineParks() {
        assertEquals("catch7 finally9 catch7 finally9", run("""
                public class Main {
                    static Future<Integer> failLater() {
                        Future<Integer> f = new Future<>();
                        getRunningLoop().callSoon(() -> f.setException(new IllegalStateException("x")));
                        return f;
                    }
                    @Async static Coroutine<Integer> failCo() { await(sleep(0)); throw new IllegalStateException("y"); }
                    @Async static Coroutine<String> go() {
                        int onlyInCatch = 7;
                        long onlyInFinally = 9;
                        String r = "";
                        await(sleep(0));
                        for (int round = 0; round < 2; round++) {
                            try {
                                if (round == 0) await(failLater()); else await(failCo());
                            } catch (IllegalStateException e) {
                                r += "catch" + onlyInCatch;
                            } finally {
                                r += " finally" + onlyInFinally + (round == 0 ? " " : "");
                            }
                        }
                        return completed(r);
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void cancellationThrownInAtAFutureAwaitSeesTheCurrentLocals() {
        // parked on a pending future that the cancel cancels; and parked on a future that got its
        // value before the task woke, so the cancellation is thrown in instead of the value
        assertEquals("a:10 finally:10 cancelled | b:21 finally:21 cancelled", run("""
                public class Main {
                    static StringBuilder sb = new StringBuilder();
                    @Async static Coroutine<Integer> go(String name, Future<Integer> gate, int base) {
                        int x = base;
                        x += await(sleep(0.0, base / 11));
                        Object keep = new Object();
                        try {
                            x += await(gate);
                        } catch (CancelledException e) {
                            sb.append(name).append(':').append(x).append(keep != null ? "" : "?");
                            throw e;
                        } finally {
                            sb.append(" finally:").append(x);
                        }
                        return completed(x);
                    }
                    @Async static Coroutine<String> main2() {
                        for (String name : List.of("a", "b")) {
                            Future<Integer> gate = new Future<>();
                            Task<Integer> t = createTask(go(name, gate, name.equals("a") ? 10 : 20));
                            for (int i = 0; i < 5; i++) await(sleep(0));
                            if (name.equals("b")) gate.setResult(5);
                            t.cancel();
                            try {
                                await(t);
                            } catch (CancelledException e) {
                                sb.append(" cancelled");
                            }
                            if (name.equals("a")) sb.append(" | ");
                        }
                        return completed(sb.toString());
                    }
                    static String main() { return run(main2()); }
                }
                """));
    }

    @Test
    void aParkedCoroutineDoesNotRetainLocalsPastTheirLastUse() {
        // big is hoisted (used after the first await) and dead at the second: while parked there
        // the state machine must not keep it reachable
        assertEquals("collected len 1048576[len 1048576]", run("""
                public class Main {
                    static java.lang.ref.WeakReference<Object> ref;
                    @Async static Coroutine<String> go(Future<Void> gate) {
                        Object big = new byte[1 << 20];
                        ref = new java.lang.ref.WeakReference<>(big);
                        List<String> kept = new ArrayList<>();
                        await(sleep(0));
                        String s = "len " + ((byte[]) big).length;
                        kept.add(s);
                        await(gate);
                        return completed(s + kept);
                    }
                    @Async static Coroutine<String> main2() throws InterruptedException {
                        Future<Void> gate = getRunningLoop().createFuture();
                        Task<String> t = createTask(go(gate));
                        await(sleep(0));
                        await(sleep(0));
                        for (int i = 0; i < 200 && ref.get() != null; i++) {
                            System.gc();
                            Thread.sleep(5);
                        }
                        String collected = ref.get() == null ? "collected" : "retained";
                        gate.setResult(null);
                        return completed(collected + " " + await(t));
                    }
                    static String main() throws InterruptedException { return run(main2()); }
                }
                """));
    }

    @Test
    void anonymousSubclassesOfTheOuterClassesNestedClasses() {
        assertEquals("L34L g[1]", run("""
                public class Main {
                    static abstract class Foo {
                        final int n;
                        Foo(int n) { this.n = n; }
                        abstract String get();
                        @Async Coroutine<String> g() { var x = List.of(1); await(sleep(0)); return completed("g" + x); }
                    }
                    @Async static Coroutine<String> f() {
                        String local = "L";
                        await(sleep(0));
                        Foo foo = new Foo(await(sleep(0, 3))) { String get() { return local + n; } };
                        int x = 1;
                        x += foo.n;
                        await(sleep(0));
                        return completed(foo.get() + x + local + " " + await(new Foo(1) { String get() { return ""; } }.g()));
                    }
                    static String main() { return run(f()); }
                }
                """));
    }

    @Test
    void localClassesThatCaptureNoLocalsAreUsedAcrossAwaits() {
        assertEquals("t8|t8|x:7:10 x:7:10 11 x:7:10|Foo", run("""
                public class Main {
                    static List<String> trace = new ArrayList<>();
                    int base = 10;
                    static class Foo { public String toString() { return "Foo"; } }
                    @Async <T> Coroutine<String> f(T tag, int p) {
                        class Box { final T t; Box(T t) { this.t = t; } String show() { return t + ":" + p + ":" + base; } }
                        class Pair { Box a = new Box(tag); int n() { return base + 1; } }
                        Box b = new Box(tag);
                        await(sleep(0));
                        Pair pr = new Pair();
                        await(sleep(0));
                        for (int i = 0; i < 2; i++) {
                            class Counter { int k = p; }
                            trace.add("t" + (new Counter().k + await(sleep(0, 1))));
                        }
                        trace.add(b.show() + " " + pr.a.show() + " " + pr.n() + " " + new Box(tag).show());
                        return completed("");
                    }
                    @Async static Coroutine<String> g() {
                        Foo before = new Foo();
                        class Foo { }   // shadows Main.Foo only from here on: stays a local class
                        await(sleep(0));
                        return completed(before.toString());
                    }
                    static String main() {
                        run(new Main().f("x", 7));
                        trace.add(run(g()));
                        return String.join("|", trace);
                    }
                }
                """));
    }

    @Test
    void preciseRethrowOfACatchParameterThatLivesAcrossAnAwait() {
        // e is hoisted (declared Exception); javac's precise rethrow still says only IOException
        assertEquals("[log x, main x, io, main y]", run("""
                public class Main {
                    static List<String> trace = new ArrayList<>();
                    @Async static Coroutine<Void> fail(String m) throws IOException { await(sleep(0)); throw new IOException(m); }
                    @Async static Coroutine<String> f() throws IOException {
                        try {
                            await(fail("x"));
                        } catch (Exception e) {
                            await(sleep(0));
                            trace.add("log " + e.getMessage());
                            throw e;
                        }
                        return completed("no");
                    }
                    @Async static Coroutine<String> g() throws IOException {
                        try {
                            await(fail("y"));
                        } catch (Exception e) {
                            await(sleep(0));
                            if (e instanceof IOException) { trace.add("io"); throw e; }
                        }
                        return completed("no");
                    }
                    static String main() {
                        try { run(f()); } catch (Exception e) { trace.add("main " + e.getMessage()); }
                        try { run(g()); } catch (Exception e) { trace.add("main " + e.getMessage()); }
                        return trace.toString();
                    }
                }
                """));
    }

    @Test
    void aLocalExceptionClassHeldByAFinallyIsRethrownAsItsOuterSupertype() {
        assertEquals("caught localt", run("""
                public class Main {
                    static int n = 1;
                    @Async static Coroutine<String> f() throws Exception {
                        String tag = "t";
                        try {
                            class MyEx extends Exception { MyEx(String m) { super(m + tag); } }
                            if (n > 0) throw new MyEx("local");
                            await(sleep(0));
                        } finally {
                            await(sleep(0));
                        }
                        return completed("no");
                    }
                    static String main() {
                        try { run(f()); return "no"; } catch (Exception e) { return "caught " + e.getMessage(); }
                    }
                }
                """));
    }

    @Test
    void multiCatchWithAnAwaitCatchesOnlyItsAlternatives() {
        // the handler once caught the alternatives' lub (Exception), so ArithmeticException too
        assertEquals("escaped npe-ish|caught java.io.IOException: io", run("""
                public class Main {
                    static int n = 1;
                    @Async static Coroutine<Void> fail() throws IOException { throw new IOException("io"); }
                    @Async static Coroutine<String> f() throws IOException {
                        try {
                            await(sleep(0));
                            if (n > 0) throw new ArithmeticException("npe-ish");
                            await(fail());
                            return completed("end");
                        } catch (IOException | IllegalStateException e) {
                            await(sleep(0));
                            return completed("caught " + e);
                        }
                    }
                    static String main() throws IOException {
                        String a;
                        try { a = run(f()); } catch (ArithmeticException e) { a = "escaped " + e.getMessage(); }
                        n = 0;
                        return a + "|" + run(f());
                    }
                }
                """));
    }

    @Test
    void compoundAssignmentWithAnAwaitKeepsTheRightHandSideGrouped() {
        // a[i] -= x - await(..) is a[i] = a[i] - (x - ..), never a[i] - x - ..
        assertEquals("-6 0 -6 1", run("""
                public class Main {
                    static int[] arr = {0, 7, 0, 5};
                    int f = 0;
                    @Async static Coroutine<Integer> n(int v) { await(sleep(0)); return completed(v); }
                    @Async Coroutine<String> go() {
                        int i = 0;
                        arr[i++] -= arr[1] - await(n(1));
                        arr[i + 1] *= await(n(3)) + 1;
                        f -= arr[1] - await(n(1));
                        this.f += 6;
                        arr[3] %= await(n(2)) + 2;
                        return completed(arr[0] + " " + arr[2] + " " + (f - 6) + " " + arr[3]);
                    }
                    static String main() { return run(new Main().go()); }
                }
                """));
    }

    @Test
    void assertWithAwaitsRunsThemOnlyWhenAssertionsAreEnabled() {
        // refused once as an unsupported statement; neither part runs when assertions are off
        assertEquals("ok", run("""
                public class Main {
                    static List<String> trace = new ArrayList<>();
                    @Async static Coroutine<Integer> n(int v) { trace.add("n" + v); await(sleep(0)); return completed(v); }
                    @Async static Coroutine<Void> go() {
                        assert await(n(1)) == 1 : "never " + await(n(2));
                        try {
                            assert await(n(3)) > 5 : "detail " + await(n(4));
                            trace.add("passed");
                        } catch (AssertionError e) {
                            trace.add(e.getMessage());
                        }
                        return completed();
                    }
                    static String main() {
                        run(go());
                        String want = Main.class.desiredAssertionStatus() ? "[n1, n3, n4, detail 4]" : "[passed]";
                        return want.equals(trace.toString()) ? "ok" : trace.toString();
                    }
                }
                """));
    }

    @Test
    void sameNamedLocalTypesInSiblingBlocks() {
        // records were always made members of the state machine, so the second P clashed
        assertEquals("P[x=1] P[s=s2] 3 three", run("""
                public class Main {
                    @Async static Coroutine<Integer> n(int v) { await(sleep(0)); return completed(v); }
                    @Async static Coroutine<String> go() {
                        StringBuilder sb = new StringBuilder();
                        {
                            int v = await(n(1));
                            record P(int x) {}
                            sb.append(new P(v));
                        }
                        {
                            String v = "s" + await(n(2));
                            record P(String s) {}
                            sb.append(' ').append(new P(v));
                        }
                        {
                            class C { int v = 3; }
                            sb.append(' ').append(new C().v + await(n(0)));
                        }
                        {
                            class C { String v = "three"; }
                            sb.append(' ').append(new C().v + await(sleep(0.0, "")));
                        }
                        return completed(sb.toString());
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void asyncMethodsOfLocalAndAnonymousClasses() {
        // annotation processing never sees these classes: their awaits once failed at run time
        assertEquals("ctor3outer-h ctor4outer-h | ab23!!!outer | [x, x] | lam6", run("""
                public class Main {
                    interface Svc { Coroutine<String> call(int k); }
                    interface Gen<T> { Coroutine<T> get(); }
                    @Async static Coroutine<Integer> n(int v) { await(sleep(0)); return completed(v); }
                    String name = "outer";
                    final List<Svc> made = new ArrayList<>();
                    Main() {
                        String tag = "ctor";
                        made.add(new Svc() {
                            @Async public Coroutine<String> call(int k) {
                                int v = await(n(k));
                                return completed(tag + v + name + helper());
                            }
                        });
                    }
                    String helper() { return "-h"; }
                    Svc local(String prefix) {
                        int base = prefix.length();
                        class L implements Svc {
                            final String extra;
                            L(String e) { extra = e; }
                            @Async public Coroutine<String> call(int k) {
                                StringBuilder sb = new StringBuilder(prefix);
                                for (int i = 0; i < k; i++) sb.append(await(n(i + base)));
                                return completed(sb + extra + this.extra + L.this.extra + Main.this.name);
                            }
                        }
                        return new L("!");
                    }
                    static <T> Gen<List<T>> twice(T t) {
                        return new Gen<>() {
                            @Async public Coroutine<List<T>> get() {
                                T a = await(sleep(0.0, t));
                                return completed(List.of(a, t));
                            }
                        };
                    }
                    static java.util.function.Function<Integer, Svc> lambda() {
                        return k -> {
                            class InLambda implements Svc {
                                @Async public Coroutine<String> call(int q) { return completed("lam" + await(n(q + k))); }
                            }
                            return new InLambda();
                        };
                    }
                    @Async static Coroutine<String> go() {
                        Main m = new Main();
                        return completed(await(m.made.get(0).call(3)) + " " + await(m.made.get(0).call(4)) + " | "
                                + await(m.local("ab").call(2)) + " | " + await(twice("x").get()) + " | "
                                + await(lambda().apply(5).call(1)));
                    }
                    static String main() { return run(go()); }
                }
                """));
    }

    @Test
    void asyncMethodsOfEnumConstantBodiesAndFieldValues() {
        assertEquals("ADD=5 MUL=12 field7 lazy8", run("""
                public class Main {
                    @Async static Coroutine<Integer> n(int v) { await(sleep(0)); return completed(v); }
                    interface Svc { Coroutine<String> call(); }
                    enum Op {
                        ADD { @Async Coroutine<Integer> apply(int a, int b) { return completed(a + await(n(b))); } },
                        MUL {
                            @Async Coroutine<Integer> apply(int a, int b) {
                                int r = 1;
                                for (int i = 0; i < b; i++) r *= await(n(a));
                                return completed(r + name().length() + ordinal());
                            }
                        };
                        abstract Coroutine<Integer> apply(int a, int b);
                    }
                    static final Svc FIELD = new Svc() {
                        @Async public Coroutine<String> call() { return completed("field" + await(n(7))); }
                    };
                    final java.util.function.Supplier<Svc> lazy = () -> new Svc() {
                        @Async public Coroutine<String> call() { return completed("lazy" + await(n(8))); }
                    };
                    @Async static Coroutine<String> go() {
                        StringBuilder sb = new StringBuilder();
                        for (Op op : Op.values()) sb.append(op).append('=').append(await(op.apply(2, 3))).append(' ');
                        return completed(sb + await(FIELD.call()) + " " + await(new Main().lazy.get().call()));
                    }
                    static String main() { return run(go()); }
                }
                """));
    }
}
