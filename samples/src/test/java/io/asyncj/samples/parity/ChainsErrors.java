package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;
import java.io.IOException;

/**
 * try/catch/finally at several levels of a chain of static, private and final @Async methods
 * around awaits that suspend or not: exceptions thrown below and caught above, finally blocks that
 * await, return inside try with a finally, a finally that replaces the exception or the result, a
 * checked exception, break out of a loop through an awaiting finally; a ticker shows every
 * suspension, and an exception escaping a task and main is printed as CPython prints it.
 */
public class ChainsErrors {
    static final class BoomError extends RuntimeException {
        BoomError(String m) {
            super(m);
        }
    }

    static final class OtherError extends RuntimeException {
        OtherError(String m) {
            super(m);
        }
    }

    static boolean stop;
    static Future<Integer> failed;

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

    /** how: ok, ok-sleep, raise, raise-sleep, raise-future. */
    @Async
    static Coroutine<Integer> bottom(String how) {
        out("    bottom", how);
        if (how.equals("ok")) {
            return completed(1);
        }
        if (how.equals("ok-sleep")) {
            await(sleep(0));
            return completed(1);
        }
        if (how.equals("raise-sleep")) {
            await(sleep(0));
        }
        if (how.equals("raise-future")) {
            return completed(await(failed));
        }
        throw new BoomError(how);
    }

    /** Level {@code level}: catches BoomError when {@code catchAt == level}; even levels await in finally. */
    @Async
    private static Coroutine<Integer> mid(int level, String how, int catchAt) {
        try {
            out("  enter", level);
            int r;
            if (level == 1) {
                r = await(bottom(how));
            } else {
                r = await(mid(level - 1, how, catchAt));
            }
            out("  got", level, r);
            return completed(r + 1);
        } catch (BoomError e) {
            if (catchAt == level) {
                out("  caught at", level, d(e));
                return completed(-level);
            }
            out("  passing", level);
            throw e;
        } finally {
            out("  finally", level);
            if (level % 2 == 0) {
                await(sleep(0));
                out("  finally", level, "resumed");
            }
        }
    }

    static class Holder {
        final String tag;
        int finallies;

        Holder(String tag) {
            this.tag = tag;
        }

        /** return inside try; the finally awaits before the value gets out. */
        @Async
        final Coroutine<String> returnThroughFinally(boolean suspend) {
            try {
                if (suspend) {
                    await(sleep(0));
                }
                return completed(tag + "-value");
            } finally {
                finallies++;
                out("  rtf finally", finallies);
                await(sleep(0));
                out("  rtf finally resumed");
            }
        }

        /** A finally that throws replaces the result of return and the exception in flight. */
        @Async
        private Coroutine<String> finallyThrows(boolean raiseFirst) {
            try {
                if (raiseFirst) {
                    await(mid(2, "raise-sleep", 0));
                }
                return completed(await(returnThroughFinally(true)));
            } finally {
                await(sleep(0));
                throw new OtherError(tag + " from finally");
            }
        }

        /** return inside finally swallows the exception in flight. */
        @SuppressWarnings("finally")
        @Async
        final Coroutine<String> finallyReturns() {
            try {
                await(mid(3, "raise", 0));
                return completed("try");
            } finally {
                await(sleep(0));
                return completed("finally wins");
            }
        }
    }

    @Async
    static Coroutine<String> readIt(boolean fail) throws IOException {
        await(sleep(0));
        if (fail) {
            throw new IOException("disk");
        }
        return completed("read");
    }

    @Async
    private static Coroutine<String> readTwice(boolean fail) throws IOException {
        String a = await(readIt(false));
        try {
            return completed(a + "+" + await(readIt(fail)));
        } catch (IOException e) {
            out("  readTwice caught", d(e), "rethrows");
            throw e;
        } finally {
            out("  readTwice finally");
        }
    }

    /** break out of a loop through a finally that awaits; nested try in one method. */
    @Async
    static Coroutine<Integer> loopBreak() {
        int i = 0;
        for (; i < 10; i++) {
            try {
                try {
                    int v = await(mid(2, i % 2 == 0 ? "ok" : "raise", 0));
                    out("  loop", i, v);
                    if (i == 4) {
                        break;
                    }
                } catch (BoomError e) {
                    out("  loop", i, "inner catch", d(e));
                    if (i == 3) {
                        throw new OtherError("at 3");
                    }
                }
            } catch (OtherError e) {
                out("  loop", i, "outer catch", d(e));
                continue;
            } finally {
                if (i % 2 == 0) {
                    await(sleep(0));
                }
                out("  loop finally", i);
            }
        }
        return completed(i);
    }

    @Async
    static Coroutine<Void> main() {
        stop = false;
        Task<Integer> tick = createTask(ticker());
        failed = getRunningLoop().createFuture();
        failed.setException(new BoomError("from future"));
        String[] hows = {"ok", "ok-sleep", "raise", "raise-sleep", "raise-future"};
        int[] catchAts = {0, 1, 2, 4};
        for (String how : hows) {
            for (int catchAt : catchAts) {
                out("case", how, catchAt);
                try {
                    out("result", await(mid(4, how, catchAt)));
                } catch (BoomError e) {
                    out("escaped", d(e));
                }
            }
        }
        Holder h = new Holder("h");
        out("rtf", await(h.returnThroughFinally(false)), await(h.returnThroughFinally(true)));
        for (boolean raiseFirst : new boolean[] {false, true}) {
            try {
                await(h.finallyThrows(raiseFirst));
            } catch (OtherError e) {
                out("finallyThrows", raiseFirst, d(e));
            }
        }
        out("finallyReturns", await(h.finallyReturns()), "finallies", h.finallies);
        try {
            out("readTwice", await(readTwice(false)));
            await(readTwice(true));
        } catch (IOException e) {
            out("readTwice", d(e));
        }
        out("loopBreak", await(loopBreak()));
        stop = true;
        out("ticks", await(tick));

        Task<Integer> t = createTask(mid(5, "raise-sleep", 0));
        Task<Integer> u = createTask(mid(3, "raise", 0));
        await(gather(true, t, u));
        out("tasks", d(t.exception()), d(u.exception()));
        try {
            await(t);
        } catch (BoomError e) {
            out("awaiting failed task", d(e));
        }
        out("escaping");
        await(mid(6, "raise-future", 0));
        out("not reached");
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
