package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncQueue;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Future;
import io.asyncj.Task;

/**
 * Cancelling a task while it is suspended deep in a chain of static, private and final @Async
 * methods: finally blocks at every level, CancelledException caught at one level and re-raised or
 * swallowed, awaits in finally after the cancel, the cancel message; a chain that cancels its own
 * task and then awaits things that complete at once (no cancellation yet) before one that suspends;
 * the awaited future or queue get cancelled with it; a task cancelled before its first step.
 */
public class ChainsCancel {
    static Future<Integer> gate;
    static AsyncQueue<Integer> queue;
    static Future<Integer> done;

    /** wait: sleep, sleep0, gate, queue, self-sync (cancel own task, then only things that are done), self-sleep, self-timer. */
    @Async
    static Coroutine<Integer> bottom(String wait) {
        out("    bottom", wait);
        switch (wait) {
            case "sleep":
                return completed(await(sleep(10, 1)));
            case "gate":
                return completed(await(gate));
            case "queue":
                return completed(await(queue.get()));
            case "self-sync": {
                out("    cancel requested", currentTask().cancel("self"), currentTask().cancelling());
                int v = await(done) + await(syncOne()) + await(queue.get());
                out("    still running", v);
                return completed(v);
            }
            case "self-sleep":
                out("    cancel requested", currentTask().cancel("self0"), currentTask().cancelling());
                await(syncOne());
                out("    before sleep(0)");
                await(sleep(0));
                out("    not reached");
                return completed(0);
            case "self-timer":
                out("    cancel requested", currentTask().cancel("self-timer"));
                return completed(await(sleep(0.05, 7)));
            default:
                await(sleep(0));
                return completed(2);
        }
    }

    @Async
    static Coroutine<Integer> syncOne() {
        return completed(1);
    }

    /**
     * Level {@code level} of the chain; {@code mode[level]} says what this level does with a
     * CancelledException: 'r' re-raises (after printing), 's' swallows and returns -level, '.'
     * does not catch it. Odd levels await in their finally.
     */
    @Async
    static Coroutine<Integer> chain(int level, String wait, String modes) {
        Step s = new Step(level, modes);
        return completed(await(s.run(wait)));
    }

    static class Step {
        final int level;
        final String modes;

        Step(int level, String modes) {
            this.level = level;
            this.modes = modes;
        }

        @Async
        final Coroutine<Integer> run(String wait) {
            char mode = modes.charAt(level);
            try {
                int r = level == 0 ? await(bottom(wait)) : await(below(wait));
                out("  level", level, "got", r);
                return completed(r + 10);
            } catch (CancelledException e) {
                if (mode == 's') {
                    out("  level", level, "swallows", d(e), currentTask().cancelling());
                    return completed(-level);
                }
                if (mode == 'r') {
                    out("  level", level, "re-raises", d(e));
                }
                throw e;
            } finally {
                out("  finally", level);
                if (level % 2 == 1) {
                    await(sleep(0));
                    out("  finally", level, "after await");
                }
            }
        }

        @Async
        private Coroutine<Integer> below(String wait) {
            return completed(await(chain(level - 1, wait, modes)));
        }
    }

    @Async
    static Coroutine<Void> report(String name, Task<Integer> t) {
        await(gather(true, t));
        if (t.isCancelled()) {
            try {
                t.result();
            } catch (CancelledException e) {
                out(name, "cancelled", d(e));
            }
        } else if (t.exception() != null) {
            out(name, "failed", d(t.exception()));
        } else {
            out(name, "result", t.result(), "cancelling", t.cancelling());
        }
        return completed();
    }

    @Async
    static Coroutine<Void> cancelAfter(String name, int depth, String wait, String modes, int steps, String msg) {
        out("==", name);
        Task<Integer> t = createTask(chain(depth, wait, modes));
        for (int i = 0; i < steps; i++) {
            await(sleep(0));
        }
        out("cancel", name, t.cancel(msg));
        await(report(name, t));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        queue = new AsyncQueue<>();
        done = getRunningLoop().createFuture();
        done.setResult(5);
        await(cancelAfter("plain", 5, "sleep", "......", 1, "deep"));
        await(cancelAfter("reraise", 5, "sleep", ".r.r..", 1, "again"));
        await(cancelAfter("swallow2", 5, "sleep", "r.s...", 1, "eaten"));
        await(cancelAfter("swallow0", 5, "sleep", "s.....", 1, null));
        await(cancelAfter("inFinally2", 5, "sleep0", "......", 2, "late"));
        await(cancelAfter("inFinally3", 5, "sleep0", ".r.r.r", 3, "later"));
        await(cancelAfter("notStarted", 5, "sleep", "......", 0, "early"));

        gate = getRunningLoop().createFuture();
        await(cancelAfter("gate", 4, "gate", ".r...", 1, "gate msg"));
        out("gate cancelled", gate.isCancelled());

        await(cancelAfter("queue", 4, "queue", "..r..", 1, "q"));
        queue.putNowait(41);
        out("queue after", queue.qsize(), queue.getNowait(), queue.qsize());

        queue.putNowait(3);
        out("==", "self-sync");
        await(report("self-sync", createTask(chain(4, "self-sync", "....."))));
        out("==", "self-sleep");
        await(report("self-sleep", createTask(chain(4, "self-sleep", ".r.r."))));
        out("==", "self-sleep swallowed");
        await(report("self-swallow", createTask(chain(4, "self-sleep", "..s.."))));
        out("==", "self-timer");
        await(report("self-timer", createTask(chain(3, "self-timer", "...."))));

        out("==", "main chain");
        try {
            out("main got", await(chain(6, "sleep0", ".......")));
        } catch (CancelledException e) {
            out("main unexpected", d(e));
        }
        out("== main cancels itself deep");
        await(chain(3, "self-sleep", "...."));
        out("not reached");
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
