package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncBoundedSemaphore;
import io.asyncj.AsyncCondition;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncSemaphore;
import io.asyncj.AsyncTimeoutException;
import io.asyncj.Asyncio;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.ReturnWhen;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import io.asyncj.WaitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz's second half: random programs from a seed (the same LCG on both sides), sleep(0) steps
 * only, exercising what {@link Fuzz} does not: timeout scopes rescheduled into the past or to none,
 * timeoutAt, TaskGroups whose children or body fail (in a task of their own, never cancelled from
 * outside), a BoundedSemaphore released too often, a Semaphore acquired under timeout(0), a Barrier
 * of two (a third would leave two Condition waiters, where asyncj follows 3.13), Event.wait under timeout(0), a Condition with a single waiter, wait(FIRST_EXCEPTION,
 * timeout 0), asCompleted(timeout 0), shields cancelled with a message. Every event is printed.
 */
public class Fuzz2 {
    static final int SEEDS = Integer.getInteger("fuzz2.seeds", 300);
    static final String[] NAMES = {"yield", "cancel", "timeout0", "resched", "tlong", "tat", "shield", "tgfail", "bsem",
        "brelease", "barrier", "evtimeout", "set", "clear", "condwait", "notify", "waitexc0", "ascomp0", "shieldcancel",
        "semtimeout", "notifyall", "nested", "gathercancel", "condtimeout", "shieldcoro", "waitevent0", "tgawait", "locked"};
    static final int N = NAMES.length;

    static final class Rng {
        long x;

        Rng(long seed) {
            x = seed;
        }

        int next(int n) {
            x = (x * 1103515245L + 12345L) % 2147483648L;
            return (int) ((x >> 8) % n);
        }
    }

    static final class State {
        AsyncBoundedSemaphore bsem;
        AsyncSemaphore sem = new AsyncSemaphore(1);
        AsyncBarrier barrier = new AsyncBarrier(2);
        AsyncEvent event = new AsyncEvent();
        AsyncCondition cond = new AsyncCondition();
        boolean condBusy;
        int counter;
        List<Task<?>> extra = new ArrayList<>();
        List<Task<String>> tasks = new ArrayList<>();
    }

    @Async
    static Coroutine<String> yielding(int i, int m) {
        for (int x = 0; x < m; x++) {
            await(sleep(0));
        }
        return completed("y" + i);
    }

    @Async
    static Coroutine<String> failing(int i, int m) {
        for (int x = 0; x < m; x++) {
            await(sleep(0));
        }
        throw new ArithmeticException("child " + i);
    }

    @Async
    static Coroutine<String> groupRun(int i, int a, int b, int body) {
        Object[] xy = new Object[2];
        await(TaskGroup.run(tg -> groupBody(tg, xy, i, a, b, body)));
        return completed(((Task<?>) xy[0]).result() + "+" + ((Task<?>) xy[1]).result());
    }

    @Async
    static Coroutine<Void> groupBody(TaskGroup tg, Object[] xy, int i, int a, int b, int body) {
        xy[0] = tg.createTask(yielding(i, a));
        xy[1] = b >= 0 ? tg.createTask(failing(i, b)) : tg.createTask(yielding(i, 1));
        if (body >= 0) {
            for (int x = 0; x < body; x++) {
                await(sleep(0));
            }
            throw new java.util.NoSuchElementException("body " + i);
        }
        return completed();
    }

    @Async
    static Coroutine<String> awaiting(Task<String> t) {
        try {
            return completed(await(t));
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            return completed(d(e));
        }
    }

    @Async
    static Coroutine<String> awaitGroup(State s, int i, int[] op) {
        Object[] x = new Object[1];
        try {
            await(TaskGroup.run(tg -> {
                x[0] = tg.createTask(awaiting(s.tasks.get(op[1])));
                tg.createTask(failing(i, op[2]));
                return completed();
            }));
        } catch (RuntimeException e) {
            out("agroup", i, "raised", d(e));
            throw e;
        }
        String r = (String) ((Task<?>) x[0]).result();
        out("agroup", i, "->", r);
        return completed(r);
    }

    @Async
    static Coroutine<String> groupTask(int i, int[] op) {
        try {
            String r = await(groupRun(i, op[1], op[2], op[3]));
            out("group", i, "->", r);
            return completed(r);
        } catch (RuntimeException e) {
            out("group", i, "raised", d(e));
            throw e;
        }
    }

    @Async
    static Coroutine<String> nestedOuter(State s, io.asyncj.Timeout outer, int i, int k, int[] op) {
        io.asyncj.Timeout[] inner = new io.asyncj.Timeout[1];
        try {
            return completed(await(timeout(op[2] == 0 ? Double.NaN : 0, cm -> {
                inner[0] = cm;
                return nestedInner(s, outer, op);
            })));
        } catch (AsyncTimeoutException e) {
            out(i, k, "inner timed out", outer.expired(), inner[0].expired());
            throw e;
        }
    }

    @Async
    static Coroutine<String> nestedInner(State s, io.asyncj.Timeout outer, int[] op) {
        for (int x = 0; x < op[3]; x++) {
            await(sleep(0));
        }
        outer.reschedule(getRunningLoop().time() - 1);
        return completed(await(s.tasks.get(op[1])));
    }

    @Async
    static Coroutine<String> tlongBody(State s, io.asyncj.Timeout cm, int j) {
        String r = await(s.tasks.get(j));
        cm.reschedule(Double.NaN);
        await(sleep(0));
        return completed(r);
    }

    @Async
    static Coroutine<String> reschedBody(State s, io.asyncj.Timeout cm, int j, int m) {
        for (int x = 0; x < m; x++) {
            await(sleep(0));
        }
        cm.reschedule(getRunningLoop().time() - 1);
        return completed(await(s.tasks.get(j)));
    }

    @Async
    static Coroutine<Boolean> semBody(State s, boolean[] acquired) {
        acquired[0] = await(s.sem.acquire());
        await(sleep(0));
        return completed(true);
    }

    @Async
    @SuppressWarnings("unchecked")
    static Coroutine<Object> runOp(State s, int i, int k, int[] op) {
        switch (NAMES[op[0]]) {
            case "yield":
                await(sleep(0));
                return completed("y");
            case "cancel":
                return completed(s.tasks.get(op[1]).cancel("by " + i));
            case "timeout0":
                return completed(await(timeout(0, s.tasks.get(op[1]))));
            case "resched":
                return completed(await(timeout(Double.NaN, cm -> reschedBody(s, cm, op[1], op[2]))));
            case "tlong":
                return completed(await(timeout(1000, cm -> tlongBody(s, cm, op[1]))));
            case "tat":
                return completed(await(timeoutAt(getRunningLoop().time() - 1, yielding(i, op[1]))));
            case "shield":
                return completed(await(shield(s.tasks.get(op[1]))));
            case "tgfail": {
                Task<String> g = createTask(groupTask(i, op));
                s.extra.add(g);
                return completed(await(shield(g)));
            }
            case "bsem":
                await(s.bsem.acquire());
                try {
                    await(sleep(0));
                } finally {
                    brelease(s);
                }
                return completed("bsem");
            case "brelease":
                brelease(s);
                return completed("released");
            case "barrier":
                return completed(await(s.barrier.waitAsync()));
            case "evtimeout":
                return completed(await(timeout(0, s.event.waitAsync())));
            case "set":
                s.event.set();
                return completed("set");
            case "clear":
                s.event.clear();
                return completed("cleared");
            case "condwait": {
                // one waiter at a time: a cancelled waiter wakes another in 3.13 (gh-112202), not in 3.11
                if (s.condBusy) {
                    return completed("busy");
                }
                s.condBusy = true;
                try {
                    int target = s.counter + 1;
                    await(s.cond.acquire());
                    try {
                        await(s.cond.waitFor(() -> s.counter >= target));
                        return completed(s.counter);
                    } finally {
                        s.cond.release();
                    }
                } finally {
                    s.condBusy = false;
                }
            }
            case "notify":
            case "notifyall":
                await(s.cond.acquire());
                try {
                    s.counter++;
                    if (NAMES[op[0]].equals("notify")) {
                        s.cond.signal();
                    } else {
                        s.cond.signalAll();
                    }
                } finally {
                    s.cond.release();
                }
                return completed(s.counter);
            case "waitexc0": {
                WaitResult<String> w = await(Asyncio.wait(List.of(s.tasks.get(op[1]), s.tasks.get(op[2])),
                        ReturnWhen.FIRST_EXCEPTION, 0));
                return completed(w.done().size() + "/" + w.pending().size());
            }
            case "ascomp0": {
                if (currentTask().cancelling() > 0) {
                    return completed("skipped");
                }
                List<Object> got = new ArrayList<>();
                for (Coroutine<String> f : asCompleted(List.of(s.tasks.get(op[1]), s.tasks.get(op[2])), 0)) {
                    int before = currentTask().cancelling();
                    try {
                        got.add(await(f));
                    } catch (CancelledException e) {
                        if (currentTask().cancelling() > before) {
                            throw e;
                        }
                        got.add(e);
                    } catch (RuntimeException e) {
                        got.add(e);
                    }
                }
                got.sort(java.util.Comparator.comparing(Fuzz2::show));
                return completed(got);
            }
            case "shieldcancel": {
                io.asyncj.Future<String> sh = shield(s.tasks.get(op[1]));
                sh.cancel("sh " + i);
                return completed(await(sh));
            }
            case "semtimeout": {
                boolean[] acquired = new boolean[1];
                try {
                    await(timeout(0, semBody(s, acquired)));
                    return completed("acquired");
                } finally {
                    if (acquired[0]) {
                        s.sem.release();
                    }
                }
            }
            case "nested":
                return completed(await(timeout(Double.NaN, outer -> nestedOuter(s, outer, i, k, op))));
            case "gathercancel": {
                io.asyncj.Future<List<Object>> g = op[2] == 1 ? gather(true, s.tasks.get(op[1]), yielding(i, 2))
                        : gather(s.tasks.get(op[1]), yielding(i, 2));
                if (op[3] != 0) {
                    await(sleep(0));
                }
                g.cancel("g " + i);
                return completed(await(g));
            }
            case "condtimeout": {
                if (s.condBusy) {
                    return completed("busy");
                }
                s.condBusy = true;
                try {
                    int target = s.counter + 1;
                    await(s.cond.acquire());
                    try {
                        await(timeout(0, s.cond.waitFor(() -> s.counter >= target)));
                        return completed(s.counter);
                    } finally {
                        s.cond.release();
                    }
                } finally {
                    s.condBusy = false;
                }
            }
            case "shieldcoro":
                return completed(await(shield(yielding(i, op[1]))));
            case "waitevent0": {
                Task<Boolean> ev = createTask(s.event.waitAsync());
                s.extra.add(ev);
                List<io.asyncj.Awaitable<Object>> both = new ArrayList<>();
                both.add((io.asyncj.Awaitable<Object>) (io.asyncj.Awaitable<?>) ev);
                both.add((io.asyncj.Awaitable<Object>) (io.asyncj.Awaitable<?>) s.tasks.get(op[1]));
                try {
                    WaitResult<Object> w = await(Asyncio.wait(both, ReturnWhen.FIRST_COMPLETED, 0));
                    return completed(w.done().size() + "/" + w.pending().size());
                } finally {
                    ev.cancel();
                }
            }
            case "tgawait": {
                Task<String> g = createTask(awaitGroup(s, i, op));
                s.extra.add(g);
                return completed(await(shield(g)));
            }
            case "locked":
                return completed(str(s.sem.locked()) + " " + str(s.bsem.locked()) + " " + str(s.cond.locked()));
            default:
                throw new AssertionError(op[0]);
        }
    }

    static void brelease(State s) {
        try {
            s.bsem.release();
        } catch (IllegalStateException e) { // asyncio's ValueError
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static String show(Object x) {
        if (x instanceof Throwable e) {
            return d(e);
        }
        if (x instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object y : l) {
                parts.add(show(y));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return str(x);
    }

    @Async
    static Coroutine<String> taskBody(State s, int i, List<int[]> script, boolean swallow, boolean dies) {
        out(i, "start");
        for (int k = 0; k < script.size(); k++) {
            int[] op = script.get(k);
            try {
                Object r = await(runOp(s, i, k, op));
                out(i, k, NAMES[op[0]], "->", show(r));
            } catch (CancelledException e) {
                out(i, k, NAMES[op[0]], "cancelled", d(e), currentTask().cancelling());
                if (!swallow) {
                    throw e;
                }
            } catch (RuntimeException e) {
                out(i, k, NAMES[op[0]], "raised", d(e));
            }
        }
        out(i, "end");
        if (dies) {
            throw new java.util.NoSuchElementException("die " + i);
        }
        return completed("r" + i);
    }

    @Async
    static Coroutine<Void> program(int seed) {
        Rng rng = new Rng(seed);
        State s = new State();
        s.bsem = new AsyncBoundedSemaphore(1 + rng.next(2));
        int n = 3 + rng.next(3);
        for (int i = 0; i < n; i++) {
            List<int[]> script = new ArrayList<>();
            int len = 1 + rng.next(5);
            for (int j = 0; j < len; j++) {
                int c = rng.next(N);
                if (i == 0 && (c == 2 || c == 3 || c == 4 || c == 6 || c == 16 || c == 17 || c == 18 || c == 21 || c == 22 || c == 25 || c == 26)) {
                    c = 0;
                }
                int[] op;
                if (c == 1) {
                    op = new int[] {c, rng.next(n)};
                } else if (c == 2 || c == 4 || c == 6 || c == 18) {
                    op = new int[] {c, rng.next(i)};
                } else if (c == 3) {
                    int a = rng.next(i);
                    op = new int[] {c, a, rng.next(3)};
                } else if (c == 5) {
                    op = new int[] {c, rng.next(3)};
                } else if (c == 7) {
                    int a = rng.next(4);
                    int b = rng.next(5) - 1;
                    op = new int[] {c, a, b, rng.next(5) - 2};
                } else if (c == 21 || c == 22) {
                    int a = rng.next(i);
                    int b = rng.next(2);
                    op = new int[] {c, a, b, rng.next(3)};
                } else if (c == 24) {
                    op = new int[] {c, rng.next(3)};
                } else if (c == 26) {
                    int a = rng.next(i);
                    op = new int[] {c, a, rng.next(4)};
                } else if (c == 25) {
                    op = new int[] {c, rng.next(i)};
                } else if (c == 16 || c == 17) {
                    int a = rng.next(i);
                    op = new int[] {c, a, rng.next(i)};
                } else {
                    op = new int[] {c};
                }
                script.add(op);
            }
            boolean swallow = rng.next(3) == 0;
            boolean dies = rng.next(4) == 0;
            s.tasks.add(createTask(taskBody(s, i, script, swallow, dies)));
        }
        int yields = rng.next(8);
        for (int y = 0; y < yields; y++) {
            await(sleep(0));
        }
        while (true) {
            List<Task<String>> pending = new ArrayList<>();
            for (Task<String> t : s.tasks) {
                if (!t.isDone()) {
                    pending.add(t);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            out("cancelling", pending.size());
            for (Task<String> t : pending) {
                t.cancel("end");
            }
            for (int y = 0; y < 3; y++) {
                await(sleep(0));
            }
        }
        List<Object> res = await(gather(true, new ArrayList<>(s.tasks)));
        out("seed", seed, "results", show(res));
        res = await(gather(true, new ArrayList<>(s.extra)));
        out("seed", seed, "groups", show(res));
        return completed();
    }

    @Async
    static Coroutine<Void> main() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            out("== seed", seed);
            await(program(seed));
        }
        return completed();
    }

    public static void main(String[] args) {
        go(main());
    }
}
