package io.asyncj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same body run as a plain synchronous method and as an {@code @Async} state machine must
 * leave the same trace and the same outcome, whether each awaited thing suspends or is already
 * done. Bodies come from a seeded generator of nested loops, switches, try/catch/finally, jumps
 * and awaits at random expression positions. {@code -Dasyncj.programs=N} runs N programs
 * (default 60); {@code -Dasyncj.seed=S} replays a seed.
 */
class DifferentialTest {
    private static final int PER_CLASS = 30;

    @Test
    void randomProgramsBehaveLikeTheirSynchronousTwins() throws Exception {
        int programs = Integer.getInteger("asyncj.programs", 60);
        long seed = Long.getLong("asyncj.seed", 20240601L);
        for (int start = 0; start < programs; start += PER_CLASS) {
            int n = Math.min(PER_CLASS, programs - start);
            runBatch(seed + start, n);
        }
    }

    @Test
    void handWrittenProgram() throws Exception {
        String body = """
                int v0 = AWAIT(1) + AWAIT(2);
                int[] arr = {AWAIT(3), 4, AWAIT(5), 6};
                arr[t.f(AWAIT(1))] += AWAIT(10);
                for (int i = 0; i < 3; i++) {
                    if (i == 1 && AWAIT(i) > 0) continue;
                    v0 += t.f(i) * AWAIT(i);
                }
                String s = "x" + AWAIT(7) + t.f(8);
                t.log(s);
                try {
                    if (AWAIT(v0) > 0) throw new IllegalStateException("boom" + v0);
                } catch (IllegalStateException e) {
                    t.log(e.getMessage() + AWAIT(2));
                } finally {
                    t.log("fin" + AWAIT(3));
                }
                switch (AWAIT(2)) {
                    case 1: t.log("one");
                    case 2: t.log("two" + AWAIT(2));
                    case 3: t.log("three"); break;
                    default: t.log("dflt");
                }
                int r = switch (AWAIT(1)) { case 1 -> AWAIT(11); default -> { int q = AWAIT(12); yield q; } };
                v0 = AWAIT(v0) > 3 ? AWAIT(r) : t.f(0);
                return RET(v0 + arr[1] + arr[2]);
                """;
        runBodies(List.of(body), 0);
    }

    @Test
    void verbatimSwitchThatBreaksInsideATryWhoseFinallyAwaits() throws Exception {
        // found by a 3000-program run: the copied switch's break made it complete normally, but
        // the lowering took it for a switch that cannot, and left the try without its exit
        String body = """
                int v0 = 3;
                Integer v1 = 1;
                try {
                    switch (Math.floorMod(v0, 3)) {
                        case 0:
                            v0 = 1;
                        case 1:
                            if (Math.floorMod((v0 * 0), 3) == 0) break;
                            t.log((v1++));
                        default:
                            break;
                    }
                } finally {
                    int l8 = AWAIT(0);
                    t.log(l8);
                }
                return RET(v0 + v1);
                """;
        runBodies(List.of(body), 0);
    }

    private void runBatch(long seed, int n) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // keep programs under javac's 64 KiB method limit (the synchronous twin inlines everything)
            String body;
            int attempt = 0;
            do {
                body = new ProgramGenerator(new Random(seed * 31 + i + 1_000_003L * attempt++)).program();
            } while (body.length() > 5000);
            bodies.add(body);
        }
        runBodies(bodies, seed);
    }

    private void runBodies(List<String> bodies, long seed) throws Exception {
        StringBuilder src = new StringBuilder();
        src.append("package diff;\nimport io.asyncj.*;\nimport static io.asyncj.Asyncio.*;\n");
        src.append("public class P {\n");
        src.append("public enum E { A, B, C }\n");
        src.append("""
                public static final class T {
                    public final StringBuilder sb = new StringBuilder();
                    final int mode; int calls;
                    int fld; Integer box = 0;
                    T self() { sb.append("S "); return this; }
                    public T(int mode) { this.mode = mode; }
                    int s(int v) { sb.append('a').append(v).append(' '); return v; }
                    Awaitable<Integer> a(int v) {
                        sb.append('a').append(v).append(' ');
                        calls++;
                        boolean suspend = mode == 1 || (mode == 2 && calls % 2 == 0);
                        return suspend ? sleep(0.0, v) : completed(v);
                    }
                    /** a() as a Future: done already, or completed from the loop soon (the fast path's two ways). */
                    Future<Integer> fu(int v) {
                        sb.append('a').append(v).append(' ');
                        calls++;
                        boolean suspend = mode == 1 || (mode == 2 && calls % 2 == 0);
                        Future<Integer> f = new Future<>();
                        if (suspend) {
                            getRunningLoop().callSoon(() -> f.setResult(v));
                        } else {
                            f.setResult(v);
                        }
                        return f;
                    }
                    int sx(int v) {
                        sb.append('x').append(v).append(' ');
                        if (Math.floorMod(v, 4) == 3) throw new IllegalStateException("ax" + v);
                        return v;
                    }
                    /** sx() as a Future that fails (or not) now or from the loop soon. */
                    Future<Integer> ax(int v) {
                        sb.append('x').append(v).append(' ');
                        calls++;
                        boolean suspend = mode == 1 || (mode == 2 && calls % 2 == 0);
                        Future<Integer> f = new Future<>();
                        Runnable settle = () -> {
                            if (Math.floorMod(v, 4) == 3) f.setException(new IllegalStateException("ax" + v));
                            else f.setResult(v);
                        };
                        if (suspend) {
                            getRunningLoop().callSoon(settle);
                        } else {
                            settle.run();
                        }
                        return f;
                    }
                    int f(int v) { sb.append('f').append(v).append(' '); return v; }
                    /** boxed, null when v is 6 mod 7: unboxed where javac unboxes it, before later awaits */
                    Integer nb(int v) { sb.append('n').append(v).append(' '); return Math.floorMod(v, 7) == 6 ? null : v; }
                    /** this, or null when v is 6 mod 7: the outer instance of `t.tn(v).new In(..)` */
                    T tn(int v) { sb.append('t').append(v).append(' '); return Math.floorMod(v, 7) == 6 ? null : this; }
                    public final class In {
                        public final int v;
                        In(int v) { this.v = v; sb.append("in").append(v).append(' '); }
                    }
                    /** an object whose string conversion shows in the trace (when it happens) */
                    Object ts(int v) {
                        return new Object() {
                            @Override public String toString() { sb.append("ts").append(v).append(' '); return "T" + v; }
                        };
                    }
                    void log(Object o) { sb.append(o).append(' '); }
                    R r(int v) { return new R(this, v); }
                    public static final class R implements AutoCloseable {
                        final T t; final int v;
                        R(T t, int v) { this.t = t; this.v = v; t.sb.append('o').append(v).append(' '); }
                        @Override public void close() {
                            t.sb.append('c').append(v).append(' ');
                            if (Math.floorMod(v, 7) == 6) throw new IllegalStateException("close" + v);
                        }
                    }
                }
                """);
        for (int i = 0; i < bodies.size(); i++) {
            String b = bodies.get(i);
            src.append("@Async static Coroutine<Integer> p").append(i).append("(T t) {\n")
                    .append(async(b)).append("}\n");
            src.append("static int s").append(i).append("(T t) {\n").append(sync(b)).append("}\n");
        }
        src.append("}\n");
        var compilation = Harness.compile("diff.P", src.toString());
        if (compilation.status() != com.google.testing.compile.Compilation.Status.SUCCESS) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "diff-failure.java"), src);
            throw new AssertionError("seed " + seed + ": " + compilation.diagnostics() + "\n" + numbered(src.toString()));
        }
        ClassLoader loader = Harness.load(compilation);
        Class<?> p = loader.loadClass("diff.P");
        Class<?> t = loader.loadClass("diff.P$T");
        Class<?> asyncio = loader.loadClass("io.asyncj.Asyncio");
        Class<?> coroutine = loader.loadClass("io.asyncj.Coroutine");
        Method run = asyncio.getMethod("run", coroutine);
        for (int i = 0; i < bodies.size(); i++) {
            Object syncTracer = t.getConstructor(int.class).newInstance(0);
            String want = invoke(p.getDeclaredMethod("s" + i, t), null, syncTracer, t);
            for (int mode = 0; mode <= 2; mode++) {
                Object tracer = t.getConstructor(int.class).newInstance(mode);
                Method m = p.getDeclaredMethod("p" + i, t);
                String got = invoke(m, run, tracer, t);
                assertEquals(want, got, "seed " + seed + " program " + i + " mode " + mode + "\n" + numbered(bodies.get(i)));
            }
        }
    }

    private static String invoke(Method m, Method run, Object tracer, Class<?> t) throws Exception {
        m.setAccessible(true);
        String result;
        try {
            Object r = m.invoke(null, tracer);
            if (run != null) {
                r = run.invoke(null, r);
            }
            result = "= " + r;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            result = "! " + cause.getClass().getName() + ": " + cause.getMessage();
        }
        return t.getField("sb").get(tracer) + result;
    }

    /** Every other {@code AWAIT} awaits a {@code Future} ({@code t.fu}), the rest an {@code Awaitable}. */
    static String async(String body) {
        StringBuilder alternated = new StringBuilder();
        int n = 0;
        int i = 0;
        for (int at = body.indexOf("AWAIT("); at >= 0; at = body.indexOf("AWAIT(", at + 1)) {
            alternated.append(body, i, at).append(n++ % 2 == 0 ? "AWAIT(" : "FWAIT(");
            i = at + "AWAIT(".length();
        }
        alternated.append(body, i, body.length());
        String awaits = expand(expand(alternated.toString(), "AWAIT(", "await(t.a(", "))"), "FWAIT(", "await(t.fu(", "))");
        return expand(expand(awaits, "AWAITX(", "await(t.ax(", "))"), "RET(", "completed(", ")");
    }

    static String sync(String body) {
        return expand(expand(expand(body, "AWAIT(", "t.s(", ")"), "AWAITX(", "t.sx(", ")"), "RET(", "(", ")");
    }

    /** Replaces {@code name(x)} by {@code open + x + close}, matching parentheses. */
    private static String expand(String s, String name, String open, String close) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int at = s.indexOf(name, i);
            if (at < 0 || (at > 0 && Character.isJavaIdentifierPart(s.charAt(at - 1)))) {
                if (at < 0) {
                    out.append(s, i, s.length());
                    return out.toString();
                }
                out.append(s, i, at + name.length());
                i = at + name.length();
                continue;
            }
            out.append(s, i, at);
            int depth = 1;
            int j = at + name.length();
            for (; depth > 0; j++) {
                char c = s.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            }
            String inner = s.substring(at + name.length(), j - 1);
            out.append(open).append(expand(inner, name, open, close)).append(close);
            i = j;
        }
    }

    private static String numbered(String s) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        for (String line : s.split("\n")) {
            sb.append(String.format("%4d  %s%n", n++, line));
        }
        return sb.toString();
    }
}
