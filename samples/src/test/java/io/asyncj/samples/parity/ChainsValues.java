package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Values through chains of static, private, final and generic @Async methods, each completing at
 * once or after a sleep(0): Integer, Long and Boolean results including null and values past the
 * boxing caches, combined in expressions (evaluation order shown), awaited in conditions,
 * ternaries, switch, while and for-each; final and private instance methods reading and writing
 * fields while another task changes them (compound assignment keeps the value read before the
 * await); an overridable method called from a final one; coroutines made first and awaited later,
 * and awaiting one twice ("cannot reuse already awaited coroutine").
 */
public class ChainsValues {
    static List<String> log = new ArrayList<>();

    @Async
    static Coroutine<Integer> num(int v, boolean suspend) {
        log.add("num " + v);
        if (suspend) {
            await(sleep(0));
        }
        return completed(v);
    }

    @Async
    static Coroutine<Integer> nothing(boolean suspend) {
        if (suspend) {
            await(sleep(0));
        }
        return completed(null);
    }

    @Async
    static Coroutine<Long> big(long v, boolean suspend) {
        log.add("big " + v);
        if (suspend) {
            await(sleep(0));
        }
        return completed(v);
    }

    @Async
    private static Coroutine<Boolean> flag(Boolean b, boolean suspend) {
        log.add("flag " + (b == null ? "None" : b ? "True" : "False"));
        if (suspend) {
            await(sleep(0));
        }
        return completed(b);
    }

    /** Passes the value of {@code num} up through {@code depth} more levels. */
    @Async
    private static Coroutine<Integer> relay(int depth, int v, boolean suspend) {
        if (depth == 0) {
            return completed(await(num(v, suspend)));
        }
        Integer got = await(relay(depth - 1, v, suspend));
        return completed(got);
    }

    @Async
    static <T> Coroutine<T> echo(T v, boolean suspend) {
        if (suspend) {
            await(sleep(0));
        }
        return completed(v);
    }

    @Async
    private static <T extends Comparable<T>> Coroutine<T> maxOf(List<T> items, boolean suspend) {
        T best = null;
        for (T item : items) {
            T x = await(echo(item, suspend));
            if (best == null || x.compareTo(best) > 0) {
                best = x;
            }
        }
        return completed(best);
    }

    @Async
    static Coroutine<List<Integer>> listOf(int n, boolean suspend) {
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add(i % 3 == 2 ? null : await(relay(i, 100 * i + 27, suspend && i % 2 == 0)));
        }
        return completed(xs);
    }

    @Async
    static Coroutine<String> kind(int i, boolean suspend) {
        String[] kinds = {"zero", "one", "many"};
        return completed(await(echo(kinds[Math.min(i, 2)], suspend)));
    }

    static String flushLog() {
        String s = String.join(", ", log);
        log.clear();
        return s;
    }

    static class Acc {
        final String name;
        long total;
        int calls;

        Acc(String name) {
            this.name = name;
        }

        @Async
        final Coroutine<Long> add(long v, boolean suspend) {
            calls++;
            total += await(big(v, suspend));
            return completed(total);
        }

        @Async
        private Coroutine<Long> addAll(List<Long> vs, boolean suspend) {
            for (Long v : vs) {
                await(add(v, suspend));
            }
            return completed(total);
        }

        @Async
        final Coroutine<String> describe(boolean suspend) {
            return completed(name + ":" + await(addAll(Arrays.asList(128L, -129L, 1L << 40), suspend)) + "/" + calls);
        }

        @Async
        Coroutine<String> who() {
            return completed("acc " + name);
        }

        @Async
        final Coroutine<String> hello() {
            return completed("hello " + await(who()));
        }
    }

    static class Loud extends Acc {
        Loud(String name) {
            super(name);
        }

        @Override
        @Async
        Coroutine<String> who() {
            await(sleep(0));
            return completed("loud " + name + " " + total);
        }
    }

    @Async
    static Coroutine<Void> values(boolean s) {
        out("== values, suspend", s);
        int a = 7;
        int e1 = a + await(num(200, s)) * await(relay(3, 300, s));
        out("e1", e1, flushLog());
        long e2 = await(big(1L << 40, s)) - await(num(-129, !s)) + await(big(128, s)) * 3;
        out("e2", e2, flushLog());
        Integer n = await(nothing(s));
        out("nothing", n, n == null, await(nothing(!s)));
        Integer k1 = await(relay(5, 1000, s));
        Integer k2 = await(relay(2, 1000, !s));
        out("equal", k1.equals(k2), k1, k2, k1 + k2);
        Long l1 = await(big(-1000L, s));
        out("long", l1, l1 * l1, flushLog());
        Boolean b = await(flag(null, s));
        out("bool", b, b == null, await(flag(true, s)), await(flag(false, !s)));
        flushLog();
        if (await(flag(false, s)) && await(flag(true, s))) {
            out("never");
        }
        out("short-circuit and", flushLog());
        if (await(flag(true, s)) || await(flag(false, s))) {
            out("or true", flushLog());
        }
        int t = await(flag(true, !s)) ? await(num(1, s)) : await(num(2, s));
        int f = await(flag(false, s)) ? await(num(3, s)) : await(num(4, !s));
        out("ternary", t, f, flushLog());
        int i = 0;
        while (await(relay(i, i, s && i % 2 == 1)) < 4) {
            i++;
        }
        out("while", i, flushLog());
        StringBuilder sw = new StringBuilder();
        for (int j = 0; j < 5; j++) {
            switch (await(num(j % 3, s))) {
                case 0:
                    sw.append("zero;");
                    break;
                case 1:
                    sw.append(await(kind(j, !s))).append(";");
                    break;
                default:
                    sw.append("d").append(await(num(j * 100, s))).append(";");
            }
            switch (await(kind(j, s))) {
                case "zero" -> sw.append("Z;");
                case "one" -> sw.append("O;");
                default -> sw.append("M").append(await(relay(1, j, !s))).append(";");
            }
        }
        out("switch", sw, flushLog());
        List<Integer> xs = await(listOf(6, s));
        out("list", xs, flushLog());
        int total = 0;
        for (Integer x : await(listOf(5, !s))) {
            total += x == null ? -1 : await(num(x, x % 2 == 0));
        }
        out("for-each", total);
        out("generic", await(echo("str", s)), await(echo(129L, !s)), await(echo((Object) null, s)),
                await(maxOf(Arrays.asList(3, 1000, -5, 999), s)), await(maxOf(Arrays.asList("b", "c", "a"), !s)));
        flushLog();
        return completed();
    }

    @Async
    static Coroutine<Void> poke(Acc acc, int times) {
        for (int i = 0; i < times; i++) {
            acc.total += 1;
            out("poke", acc.total);
            await(sleep(0));
        }
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        await(values(false));
        await(values(true));

        out("== instances");
        Acc acc = new Acc("acc");
        out(await(acc.describe(false)));
        out(await(acc.describe(true)));
        Task<Void> p = createTask(poke(acc, 3));
        out("add sync", await(acc.add(10, false)));
        out("add suspends (a poke is lost)", await(acc.add(20, true)), acc.total);
        await(p);
        out("after pokes", acc.total, acc.calls);
        Acc loud = new Loud("l");
        out(await(acc.hello()), await(loud.hello()));

        out("== made first, awaited later");
        flushLog();
        Coroutine<Integer> c1 = num(11, true);
        Coroutine<Integer> c2 = relay(4, 22, false);
        out("made", flushLog());
        int direct = await(num(33, true));
        out("direct", direct, flushLog());
        out("later", await(c2) + await(c1) * 2, flushLog());
        try {
            await(c1);
        } catch (IllegalStateException e) {
            out("again", d(e));
        }
        try {
            await(c2);
        } catch (IllegalStateException e) {
            out("again sync", d(e));
        }
        Coroutine<Long> c3 = big(5, true);
        Task<Long> t3 = createTask(c3);
        out("task", await(t3));
        try {
            await(c3);
        } catch (IllegalStateException e) {
            out("after task", d(e));
        }
        Task<Integer> t4 = createTask(c1);
        await(gather(true, t4));
        out("task of used coroutine", d(t4.exception()));
        Coroutine<Integer> c5 = failing(3);
        try {
            await(c5);
        } catch (IllegalArgumentException e) {
            out("failed", d(e));
        }
        try {
            await(c5);
        } catch (IllegalStateException e) {
            out("again after failure", d(e));
        }
        flushLog();
        out("done");
        return completed();
    }

    @Async
    private static Coroutine<Integer> failing(int depth) {
        if (depth == 0) {
            await(sleep(0));
            throw new IllegalArgumentException("bad value");
        }
        return completed(await(failing(depth - 1)));
    }

    public static void main(String[] args) {
        go(main());
    }
}
