package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import java.util.List;
import java.util.Objects;

/**
 * Chains awaited through the other doors: inside gather (each one a task: currentTask() deep down
 * names it), under a timeout that expires while the bottom sleeps (at the top, or caught half way
 * down), with arguments that themselves await, and awaited in forms that are not a direct call
 * (a ternary, a variable, a wrapping call). Deep recursion through static -> private -> final
 * methods (suspending, throwing after suspending, throwing at once 20,000 deep), every level
 * suspending, and a loop of 1,000-deep chains suspending at the bottom, half way, or not at all,
 * with a ticker counting the loop's turns.
 */
public class ChainsMixed {
    static final class BoomError extends RuntimeException {
        BoomError(String m) {
            super(m);
        }
    }

    static boolean stop;

    @Async
    static Coroutine<Integer> ticker() {
        int i = 0;
        while (!stop) {
            i++;
            await(sleep(0));
        }
        return completed(i);
    }

    @Async
    static Coroutine<String> whereAmI(int n, boolean suspend) {
        if (n == 0) {
            if (suspend) {
                await(sleep(0));
            }
            return completed(currentTask().getName());
        }
        return completed(await(whereAmI(n - 1, suspend)) + "");
    }

    @Async
    static Coroutine<Integer> sleeper(int n, double seconds) {
        try {
            if (n == 0) {
                await(sleep(seconds));
                return completed(0);
            }
            return completed(await(sleeper(n - 1, seconds)) + 1);
        } finally {
            out("  sleeper finally", n);
        }
    }

    /** A timeout half way down: level {@code at} gives the levels below it {@code seconds}. */
    @Async
    private static Coroutine<Integer> guarded(int n, int at, double seconds) {
        if (n == at) {
            try {
                return completed(await(timeout(seconds, sleeper(n - 1, 10))));
            } catch (AsyncTimeoutException e) {
                out("  timed out at", n, d(e));
                return completed(-1);
            }
        }
        try {
            return completed(await(guarded(n - 1, at, seconds)) + 100);
        } finally {
            out("  guarded finally", n);
        }
    }

    @Async
    static Coroutine<Integer> num(int v, boolean suspend) {
        out("  num", v);
        if (suspend) {
            await(sleep(0));
        }
        return completed(v);
    }

    static int mark(String s, int v) {
        out("  mark", s);
        return v;
    }

    @Async
    static Coroutine<Integer> add3(int a, int b, int c) {
        out("  add3 body", a, b, c);
        return completed(a * 100 + b * 10 + c);
    }

    static int depthReached;

    /** Mutual recursion static -> private -> final -> static; the bottom does {@code what}. */
    @Async
    static Coroutine<Integer> r0(Rec r, int n, String what) {
        if (n == 0) {
            return completed(await(r.bottom(what)));
        }
        return completed(await(r.r1(n - 1, what)) + 1);
    }

    static class Rec {
        final int step;

        Rec(int step) {
            this.step = step;
        }

        @Async
        private Coroutine<Integer> r1(int n, String what) {
            if (n == 0) {
                return completed(await(bottom(what)));
            }
            int below = await(r2(n - 1, what));
            return completed(below + step);
        }

        @Async
        final Coroutine<Integer> r2(int n, String what) {
            if (n == 0) {
                return completed(await(bottom(what)));
            }
            return completed(await(r0(this, n - 1, what)) + step * 2);
        }

        @Async
        final Coroutine<Integer> bottom(String what) {
            switch (what) {
                case "sync":
                    return completed(0);
                case "sleep":
                    await(sleep(0));
                    return completed(0);
                case "raise-sleep":
                    await(sleep(0));
                    throw new BoomError("deep after sleep");
                default:
                    throw new BoomError("deep at once");
            }
        }
    }

    /** Every level suspends before going down, and again on the way up at every tenth. */
    @Async
    static Coroutine<Integer> everyLevel(int n) {
        await(sleep(0));
        if (n == 0) {
            return completed(0);
        }
        int below = await(everyLevel(n - 1));
        if (n % 10 == 0) {
            await(sleep(0));
        }
        return completed(below + 1);
    }

    /** Recursion {@code n} deep that suspends at level {@code at} (none when -1). */
    @Async
    static Coroutine<Integer> dive(int n, int at) {
        if (n == at) {
            await(sleep(0));
        }
        if (n == 0) {
            return completed(0);
        }
        return completed(await(dive(n - 1, at)) + 1);
    }

    @Async
    static Coroutine<Void> main() {
        out("== gather names");
        List<String> names = await(gather(whereAmI(10, true), whereAmI(3, false), whereAmI(0, true)));
        out(names, await(whereAmI(20, true)), await(whereAmI(5, false)));

        out("== timeouts");
        try {
            await(timeout(0.05, sleeper(4, 10)));
        } catch (AsyncTimeoutException e) {
            out("timeout at the top", d(e));
        }
        out("quick", await(timeout(1, sleeper(4, 0))));
        out("guarded", await(guarded(5, 2, 0.05)));

        out("== arguments that await");
        out("add3", await(add3(await(num(1, true)), mark("b", 2), await(num(3, false)))));
        Coroutine<Integer> later = add3(mark("x", 4), await(num(5, true)), 6);
        out("made later");
        out("later", await(later));

        out("== other forms");
        boolean pick = true;
        out("ternary", await(pick ? num(7, true) : num(8, true)), await(!pick ? num(7, false) : num(8, false)));
        out("wrapped", await(Objects.requireNonNull(num(9, true))));

        out("== mutual recursion");
        Rec rec = new Rec(1);
        out("sync", await(r0(rec, 9000, "sync")));
        out("sleep", await(rec.r1(9001, "sleep")));
        try {
            await(rec.r2(9002, "raise-sleep"));
        } catch (BoomError e) {
            out("caught", d(e));
        }
        try {
            await(r0(rec, 20000, "raise"));
        } catch (BoomError e) {
            out("caught", d(e));
        }
        out("everyLevel", await(everyLevel(3000)));

        out("== loop of dives");
        stop = false;
        Task<Integer> tick = createTask(ticker());
        int sum = 0;
        for (int i = 0; i < 20; i++) {
            int at = i % 3 == 0 ? 0 : i % 3 == 1 ? 500 : -1;
            sum += await(dive(1000, at));
        }
        stop = true;
        out("dives", sum, "ticks", await(tick));
        Task<Integer> t = createTask(r0(new Rec(2), 5000, "raise-sleep"));
        await(gather(true, t));
        out("task", d(t.exception()));
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
