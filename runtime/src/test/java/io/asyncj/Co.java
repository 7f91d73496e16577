package io.asyncj;

import java.util.List;

/**
 * Small coroutines for combinator tests, built on {@link Script}. Each one traces what happens to
 * it ({@code "a start"}, {@code "a done@2.0"}, {@code "a cancelled(msg)"}) with the loop's virtual
 * time, so a test can assert the whole story in one list.
 */
final class Co {
    private Co() {}

    /** One step: runs {@code body} (whose returned awaitable, if any, is awaited). */
    static <T> Coroutine<T> of(Script.FirstStep body) {
        return Script.<T>start(body).build();
    }

    /** Traces its start, sleeps {@code seconds}, traces its end and returns {@code value}. */
    static <T> Coroutine<T> work(List<String> trace, String name, double seconds, T value) {
        return Script.<T>start(() -> {
            trace.add(name + " start");
            return Asyncio.sleep(seconds);
        }).handle((v, e) -> {
            if (e != null) {
                trace.add(name + " " + describe(e));
                throw e;
            }
            trace.add(name + " done@" + now());
            return value;
        }).build();
    }

    /** Traces its start, sleeps {@code seconds}, then throws {@code error}. */
    static <T> Coroutine<T> failing(List<String> trace, String name, double seconds, Throwable error) {
        return Script.<T>start(() -> {
            trace.add(name + " start");
            return Asyncio.sleep(seconds);
        }).handle((v, e) -> {
            if (e != null) {
                trace.add(name + " " + describe(e));
                throw e;
            }
            trace.add(name + " fails@" + now());
            throw error;
        }).build();
    }

    /** Like {@link #work}, but catches its cancellation and returns {@code value} anyway. */
    static <T> Coroutine<T> stubborn(List<String> trace, String name, double seconds, T value) {
        return Script.<T>start(() -> {
            trace.add(name + " start");
            return Asyncio.sleep(seconds);
        }).handle((v, e) -> {
            trace.add(name + (e != null ? " swallowed " + describe(e) : " done") + "@" + now());
            return value;
        }).build();
    }

    /** {@code "cancelled(msg)"} for a cancellation, the exception's simple name and message otherwise. */
    static String describe(Throwable e) {
        if (e instanceof CancelledException) {
            return "cancelled" + (e.getMessage() == null ? "" : "(" + e.getMessage() + ")");
        }
        return e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
    }

    static double now() {
        return Asyncio.getRunningLoop().time();
    }
}
