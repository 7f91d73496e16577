package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncQueue;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;

/**
 * Chains of static, private and final @Async methods awaiting each other 3 to 50 deep, the
 * innermost completing at once or suspending (sleep(0), a future another task sets, a queue get, a
 * timer), at different depths and inside loops; a ticker task shows every suspension. Recursion
 * 20,000 deep (synchronous) and 10,000 deep (suspending at the bottom), and an exception from 40
 * deep escaping a task and then main.
 */
public class ChainsDeep {
    static final class BoomError extends RuntimeException {
        BoomError(String m) {
            super(m);
        }
    }

    static AsyncQueue<Integer> queue;
    static Future<Integer> pending;
    static boolean stop;

    /** The innermost step: completes at once ("sync") or suspends the way {@code mode} says. */
    @Async
    static Coroutine<Integer> leaf(String mode, int n) {
        if (mode.equals("sync")) {
            return completed(n);
        } else if (mode.equals("sleep0")) {
            await(sleep(0));
            return completed(n);
        } else if (mode.equals("future")) {
            return completed(await(pending) + n);
        } else if (mode.equals("queue")) {
            return completed(await(queue.get()) + n);
        } else if (mode.equals("timer")) {
            return completed(await(sleep(0.03 * (n % 4 + 1), n)));
        } else if (mode.equals("boom")) {
            await(sleep(0));
            throw new BoomError("boom at " + n);
        }
        throw new IllegalArgumentException(mode);
    }

    /** Levels rotate static -> private -> final -> static; level {@code at} awaits leaf(mode). */
    @Async
    static Coroutine<Integer> stat(Walker w, int n, int at, String mode) {
        w.visits++;
        int here = n == at ? await(leaf(mode, n)) : n;
        if (n == 0) {
            return completed(here);
        }
        return completed(here + await(w.priv(n - 1, at, mode)));
    }

    static class Walker {
        final String name;
        int visits;

        Walker(String name) {
            this.name = name;
        }

        @Async
        private Coroutine<Integer> priv(int n, int at, String mode) {
            visits++;
            int here = n;
            if (n == at) {
                here = await(leaf(mode, n));
            }
            if (n == 0) {
                return completed(here);
            }
            int rest = await(fin(n - 1, at, mode));
            return completed(here + rest);
        }

        @Async
        final Coroutine<Integer> fin(int n, int at, String mode) {
            visits++;
            if (n == at) {
                int got = await(leaf(mode, n));
                return completed(n == 0 ? got : got + await(stat(this, n - 1, at, mode)));
            }
            if (n == 0) {
                return completed(0);
            }
            return completed(n + await(stat(this, n - 1, at, mode)));
        }

        /** Private recursion through itself, depth {@code n}, suspending at the bottom when asked. */
        @Async
        private Coroutine<Long> count(int n, boolean suspend) {
            if (n == 0) {
                if (suspend) {
                    await(sleep(0));
                }
                return completed(0L);
            }
            long below = await(count(n - 1, suspend));
            return completed(below + 1);
        }
    }

    @Async
    static Coroutine<Integer> ticker() {
        int i = 0;
        while (!stop) {
            out("tick", i);
            i++;
            await(sleep(0));
        }
        return completed(i);
    }

    @Async
    static Coroutine<Void> setter(int steps, int value) {
        for (int i = 0; i < steps; i++) {
            await(sleep(0));
        }
        out("set", value);
        pending.setResult(value);
        return completed();
    }

    @Async
    static Coroutine<Void> producer(int steps, int count) {
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < steps; j++) {
                await(sleep(0));
            }
            out("put", 1000 + i);
            queue.putNowait(1000 + i);
        }
        return completed();
    }

    /** Synchronous recursion: no suspension anywhere. */
    @Async
    static Coroutine<Integer> down(int n) {
        if (n == 0) {
            return completed(0);
        }
        return completed(1 + await(down(n - 1)));
    }

    /** Recursion that suspends once, at the bottom. */
    @Async
    static Coroutine<Integer> downSleep(int n) {
        if (n == 0) {
            await(sleep(0));
            return completed(0);
        }
        int below = await(downSleep(n - 1));
        return completed(below + 1);
    }

    /** Every level has a finally; the bottom throws after suspending. */
    static int finallies;

    @Async
    static Coroutine<Integer> downThrow(int n) {
        try {
            if (n == 0) {
                await(sleep(0));
                throw new BoomError("bottom");
            }
            return completed(await(downThrow(n - 1)) + 1);
        } finally {
            finallies++;
        }
    }

    /** A loop that awaits a chain each iteration; some iterations suspend, some do not. */
    @Async
    static Coroutine<Integer> loop(Walker w, int iterations, int depth, String mode) {
        int sum = 0;
        for (int i = 0; i < iterations; i++) {
            int at = i % 3 == 0 ? -1 : (i * 5) % (depth + 1);
            int r = await(stat(w, depth, at, mode));
            out(" iter", i, "at", at, "->", r);
            sum += r;
        }
        return completed(sum);
    }

    @Async
    static Coroutine<Void> main() {
        Walker w = new Walker("w");
        queue = new AsyncQueue<>();
        stop = false;
        Task<Integer> tick = createTask(ticker());
        int[][] shapes = {{3, -1}, {3, 0}, {3, 3}, {3, 2}, {10, 5}, {10, -1}, {50, 49}, {50, 0}, {50, 25}, {50, -1}, {49, 48}, {48, 1}};
        for (int[] s : shapes) {
            out("chain", s[0], s[1], "start");
            int r = await(stat(w, s[0], s[1], "sleep0"));
            out("chain", s[0], s[1], "->", r, "visits", w.visits);
        }
        out("loop ->", await(loop(w, 7, 6, "sleep0")), "visits", w.visits);
        pending = getRunningLoop().createFuture();
        createTask(setter(3, 100));
        out("future chain ->", await(w.fin(20, 7, "future")));
        out("future again ->", await(w.priv(20, 13, "future")));
        queue.putNowait(7);
        createTask(producer(2, 3));
        out("queue loop ->", await(loop(w, 5, 5, "queue")), "visits", w.visits);
        stop = true;
        out("ticks", await(tick));

        Task<Integer> a = createTask(stat(w, 12, 3, "timer"));
        Task<Integer> b = createTask(w.fin(12, 10, "timer"));
        Task<Integer> c = createTask(w.priv(12, 5, "timer"));
        a.addDoneCallback(t -> out("done a", t.result()));
        b.addDoneCallback(t -> out("done b", t.result()));
        c.addDoneCallback(t -> out("done c", t.result()));
        out("timers ->", await(gather(a, b, c)));

        out("down", await(down(20000)));
        out("downSleep", await(downSleep(10000)));
        out("count", await(w.count(15000, false)), await(w.count(5000, true)));
        try {
            await(downThrow(5000));
        } catch (BoomError e) {
            out("downThrow", d(e), "finallies", finallies);
        }

        Task<Integer> t = createTask(w.fin(30, 10, "boom"));
        await(gather(true, t));
        out("task failed", d(t.exception()), t.isDone(), t.isCancelled());
        out("visits", w.visits, w.name);
        out("escaping");
        await(stat(w, 40, 40, "boom"));
        out("not reached");
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
