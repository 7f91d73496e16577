import java.util.Arrays;

/**
 * Why W7 ("depth 10,000 at the speed of W2") is out of reach for a design that keeps await chains
 * off the Java stack, measured: run with {@code java W7Bounds.java} (JDK 17+, default 1 MB stack).
 *
 * <ol>
 *   <li>The Java stack: how deep plain recursion goes before {@link StackOverflowError}, on the main
 *       thread's default stack, in the interpreter (the first, cold call) and once compiled. A
 *       coroutine frame that runs on the Java stack (C#'s and Kotlin's way) carries at least the
 *       shape of {@code withContext}: a context argument and a check after the call.
 *   <li>The heap: the fastest trampoline over heap frames, in twenty lines: one 24-byte frame and
 *       one boxed {@code Integer} per level, no virtual calls, no switch. An await chain that does
 *       not grow the Java stack pays at least this per level.
 * </ol>
 */
public class W7Bounds {
    static int deepest;

    static int plain(int depth, int d) {
        if (depth > deepest) {
            deepest = depth;
        }
        return d == 0 ? 0 : plain(depth + 1, d - 1) + 1;
    }

    static final class Ctx {
        Object slot;
    }

    static int withContext(Ctx ctx, int depth, int d) {
        if (depth > deepest) {
            deepest = depth;
        }
        if (d == 0) {
            return 0;
        }
        int v = withContext(ctx, depth + 1, d - 1);
        if (ctx.slot != null) {
            return 0; // the callee suspended: a real frame would save itself to the heap here
        }
        return v + 1;
    }

    interface Rec {
        void run();
    }

    /** The smallest depth that overflowed over {@code runs} attempts (the first is interpreted). */
    static int overflowDepth(Rec r, int runs) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            deepest = 0;
            try {
                r.run();
            } catch (StackOverflowError e) {
                min = Math.min(min, deepest);
            }
        }
        return min;
    }

    static final class Frame {
        int state;
        Frame parent;
        int d;

        Frame(int d) {
            this.d = d;
        }
    }

    static int trampoline(int depth) {
        Frame c = new Frame(depth);
        Object ret = null;
        for (;;) {
            if (c.state == 0 && c.d > 0) {
                Frame callee = new Frame(c.d - 1);
                callee.parent = c;
                c.state = 1;
                c = callee;
                continue;
            }
            ret = c.state == 0 ? Integer.valueOf(0) : Integer.valueOf((Integer) ret + 1);
            if (c.parent == null) {
                return (Integer) ret;
            }
            c = c.parent;
        }
    }

    static double medianLevelsPerSecond(java.util.function.IntUnaryOperator f, int depth, int reps, int rounds) {
        double[] rates = new double[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                sink += f.applyAsInt(depth);
            }
            rates[r] = (double) depth * reps / (System.nanoTime() - t0) * 1e9;
        }
        if (sink != (long) depth * reps * rounds) {
            throw new AssertionError(sink);
        }
        Arrays.sort(rates);
        return rates[rounds / 2];
    }

    public static void main(String[] args) {
        Ctx ctx = new Ctx();
        System.out.printf("plain recursion overflows at depth %,d (cold, interpreted) / %,d (compiled, min of 40)%n",
                overflowDepth(() -> plain(0, 1_000_000), 1), overflowDepth(() -> plain(0, 1_000_000), 40));
        System.out.printf("context-passing frames overflow at depth %,d (cold) / %,d (compiled, min of 40)%n",
                overflowDepth(() -> withContext(ctx, 0, 1_000_000), 1),
                overflowDepth(() -> withContext(ctx, 0, 1_000_000), 40));
        System.out.printf("heap-frame trampoline, depth 10,000: %.0fM levels/s (median of 41 rounds of 200)%n",
                medianLevelsPerSecond(W7Bounds::trampoline, 10_000, 200, 41) / 1e6);
    }
}
