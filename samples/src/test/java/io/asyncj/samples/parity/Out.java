package io.asyncj.samples.parity;

import io.asyncj.ExceptionGroup;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What every parity program shares, mirroring {@code prelude.py}: {@link #out} prints its parts
 * the way Python's {@code print} does ({@code None}, {@code True}, lists with quoted strings), and
 * {@link #d} writes an exception as Python's {@code repr} of its asyncio twin
 * ({@code CancelledError('msg')}, {@code TimeoutError()}).
 */
public final class Out {
    private Out() {}

    /** {@code Asyncio.run(main)}; what escapes it is printed as {@code uncaught ...}, as prelude.py's go does. */
    public static void go(io.asyncj.Coroutine<?> main) {
        try {
            io.asyncj.Asyncio.run(main);
        } catch (Throwable e) {
            out("uncaught", d(e));
        }
    }

    public static void out(Object... parts) {
        StringJoiner line = new StringJoiner(" ");
        for (Object p : parts) {
            line.add(str(p));
        }
        System.out.println(line);
        System.out.flush();
    }

    /** Python's {@code repr} of the exception's asyncio namesake. */
    public static String d(Throwable e) {
        String name = pythonName(e);
        if (e instanceof ExceptionGroup eg) {
            StringJoiner subs = new StringJoiner(", ", "[", "]");
            for (Throwable t : eg.exceptions()) {
                subs.add(d(t));
            }
            return name + "(" + repr(eg.message()) + ", " + subs + ")";
        }
        String m = e.getMessage();
        return name + "(" + (m == null ? "" : repr(m)) + ")";
    }

    static String pythonName(Throwable e) {
        switch (e.getClass().getSimpleName()) {
            case "CancelledException": return "CancelledError";
            case "AsyncTimeoutException": return "TimeoutError";
            case "InvalidStateException": return "InvalidStateError";
            case "IllegalStateException": case "RuntimeException": return "RuntimeError";
            case "IllegalArgumentException": return "ValueError";
            case "QueueShutDownException": return "QueueShutDown";
            case "QueueEmptyException": return "QueueEmpty";
            case "QueueFullException": return "QueueFull";
            case "AsyncBrokenBarrierException": return "BrokenBarrierError";
            case "ArithmeticException": return "ZeroDivisionError";
            case "NoSuchElementException": return "KeyError";
            default: return e.getClass().getSimpleName();
        }
    }

    static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        return repr(o);
    }

    static String repr(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof String s) {
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
        }
        if (o instanceof Throwable t) {
            return d(t);
        }
        if (o instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object x : c) {
                j.add(repr(x));
            }
            return j.toString();
        }
        if (o instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, v) -> j.add(repr(k) + ": " + repr(v)));
            return j.toString();
        }
        return o.toString();
    }
}
