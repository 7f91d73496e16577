package io.asyncj.samples.parity;

import static io.asyncj.Asyncio.*;
import static io.asyncj.samples.parity.Out.*;

import io.asyncj.Async;
import io.asyncj.AsyncBarrier;
import io.asyncj.AsyncEvent;
import io.asyncj.AsyncLock;
import io.asyncj.AsyncQueue;
import io.asyncj.AsyncSemaphore;
import io.asyncj.Asyncio;
import io.asyncj.ReturnWhen;
import io.asyncj.WaitResult;
import io.asyncj.CancelledException;
import io.asyncj.Coroutine;
import io.asyncj.Task;
import io.asyncj.TaskGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Random programs from a seed (an LCG both sides share), built of sleep(0) steps only (nothing
 * timed): tasks that yield, cancel each other, await each other alone or through
 * gather/shield/waitFor, share a lock, an event and a queue, and swallow or pass on their
 * cancellations. Every event is printed.
 */
public class Fuzz {
    static final int SEEDS = 1000;
    static final String[] NAMES = {"yield", "cancel", "await", "gather", "shield", "waitfor", "lock", "set", "wait", "put", "get", "sem", "barrier", "first", "timeout0", "group",
        "join", "task_done", "put_nowait", "get_nowait", "abort", "reset", "clear",
        "soon", "fut", "cb", "ascomp", "waitexc", "tgtimeout", "shieldgather"};

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
        AsyncLock lock = new AsyncLock();
        AsyncEvent event = new AsyncEvent();
        AsyncQueue<Integer> queue;
        AsyncSemaphore sem = new AsyncSemaphore(2);
        AsyncBarrier barrier = new AsyncBarrier(2);
        List<Task<String>> tasks = new ArrayList<>();
    }

    @Async
    @SuppressWarnings("unchecked")
    static Coroutine<Object> runOp(State s, int i, int k, int[] op) {
        switch (op[0]) {
            case 0:
                await(sleep(0));
                return completed("y");
            case 1:
                return completed(s.tasks.get(op[1]).cancel("by " + i));
            case 2:
                return completed(await(s.tasks.get(op[1])));
            case 3:
                if (op[3] == 1) {
                    return completed(await(gather(true, s.tasks.get(op[1]), s.tasks.get(op[2]))));
                }
                return completed(await(gather(s.tasks.get(op[1]), s.tasks.get(op[2]))));
            case 4:
                return completed(await(shield(s.tasks.get(op[1]))));
            case 5:
                return completed(await(waitFor(s.tasks.get(op[1]), (Duration) null)));
            case 6:
                await(s.lock.acquire());
                try {
                    await(sleep(0));
                    await(sleep(0));
                } finally {
                    s.lock.release();
                }
                return completed("locked");
            case 7:
                s.event.set();
                return completed("set");
            case 8:
                return completed(await(s.event.waitAsync()));
            case 9:
                await(s.queue.put(i * 100 + k));
                return completed("put");
            case 10:
                return completed(await(s.queue.get()));
            case 11:
                await(s.sem.acquire());
                try {
                    await(sleep(0));
                } finally {
                    s.sem.release();
                }
                return completed("sem");
            case 12:
                return completed(await(s.barrier.waitAsync()));
            case 13: {
                WaitResult<String> w = await(Asyncio.wait(List.of(s.tasks.get(op[1]), s.tasks.get(op[2])),
                        ReturnWhen.FIRST_COMPLETED, null));
                return completed(w.done().size() + "/" + w.pending().size());
            }
            case 14:
                return completed(await(timeout(0, s.tasks.get(op[1]))));
            case 16:
                await(s.queue.join());
                return completed("joined");
            case 17:
                try {
                    s.queue.taskDone();
                } catch (IllegalStateException e) { // asyncio's ValueError
                    throw new IllegalArgumentException(e.getMessage());
                }
                return completed("done");
            case 18:
                s.queue.putNowait(i * 100 + k);
                return completed(s.queue.qsize());
            case 19:
                return completed(s.queue.getNowait());
            case 20:
                await(s.barrier.abort());
                return completed("aborted");
            case 21:
                await(s.barrier.reset());
                return completed("reset");
            case 22:
                s.event.clear();
                return completed("cleared");
            case 23:
                getRunningLoop().callSoon(() -> out("soon", i, k));
                return completed("scheduled");
            case 24: {
                io.asyncj.Future<Integer> f = getRunningLoop().createFuture();
                getRunningLoop().callSoon(() -> f.setResult(k));
                return completed(await(f));
            }
            case 25: {
                int j = op[1];
                s.tasks.get(j).addDoneCallback(t -> out("cb", i, k, "sees", j, state(t)));
                return completed("added");
            }
            case 26: {
                if (currentTask().cancelling() > 0) {
                    // a cancellation that arrives at the first await would leave the second step
                    // the first of the done ones, which CPython takes from a set: unspecified
                    return completed("skipped");
                }
                List<Object> got = new ArrayList<>();
                for (Coroutine<String> f : asCompleted(List.of(s.tasks.get(op[1]), s.tasks.get(op[2])))) {
                    int before = currentTask().cancelling();
                    try {
                        got.add(await(f));
                    } catch (CancelledException e) {
                        if (currentTask().cancelling() > before) {
                            throw e; // our own
                        }
                        got.add(e); // a task's, from its result()
                    } catch (RuntimeException e) {
                        got.add(e);
                    }
                }
                // CPython's as_completed takes the done ones from a set: which comes first is unspecified
                got.sort(java.util.Comparator.comparing(Fuzz::show));
                return completed(got);
            }
            case 27: {
                WaitResult<String> w = await(Asyncio.wait(List.of(s.tasks.get(op[1]), s.tasks.get(op[2])),
                        ReturnWhen.FIRST_EXCEPTION, null));
                return completed(w.done().size() + "/" + w.pending().size());
            }
            case 28: {
                Task<String> t = s.tasks.get(op[1]);
                Object[] ab = new Object[2];
                await(timeout(0, TaskGroup.run(tg -> {
                    ab[0] = tg.createTask(awaiting(t));
                    ab[1] = tg.createTask(yielding(i));
                    return completed();
                })));
                return completed(((Task<?>) ab[0]).result() + "+" + ((Task<?>) ab[1]).result());
            }
            case 29:
                return completed(await(shield(gather(true, s.tasks.get(op[1]), s.tasks.get(op[2])))));
            default: {
                Task<String> t = s.tasks.get(op[1]);
                Object[] ab = new Object[2];
                await(TaskGroup.run(tg -> {
                    ab[0] = tg.createTask(awaiting(t));
                    ab[1] = tg.createTask(yielding(i));
                    return completed();
                }));
                return completed(((Task<?>) ab[0]).result() + "+" + ((Task<?>) ab[1]).result());
            }
        }
    }

    @Async
    static Coroutine<String> awaiting(Task<String> t) {
        // A TaskGroup child that fails while its parent is cancelled from outside is where asyncj
        // follows 3.13 (the parent is cancelled again), so the children here do not fail.
        try {
            return completed(await(t));
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            return completed(d(e));
        }
    }

    @Async
    static Coroutine<String> yielding(int i) {
        await(sleep(0));
        await(sleep(0));
        return completed("y" + i);
    }

    static Object state(io.asyncj.Future<String> t) {
        if (t.isCancelled()) {
            return "cancelled";
        }
        if (t.exception() != null) {
            return d(t.exception());
        }
        return t.result();
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
                // no uncancel: 3.11 keeps a pending cancel through it, asyncj follows 3.13
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
        int kind = rng.next(3);
        int maxsize = 1 + rng.next(2);
        s.queue = kind == 0 ? new AsyncQueue<>(maxsize)
                : kind == 1 ? new io.asyncj.AsyncLifoQueue<>(maxsize) : new io.asyncj.AsyncPriorityQueue<>(maxsize);
        int n = 3 + rng.next(3);
        for (int i = 0; i < n; i++) {
            List<int[]> script = new ArrayList<>();
            int len = 1 + rng.next(5);
            for (int j = 0; j < len; j++) {
                int c = rng.next(30);
                if (i == 0 && ((c >= 2 && c <= 5) || (c >= 13 && c <= 15) || c >= 26)) {
                    c = 0;
                }
                int[] op;
                switch (c) {
                    case 1:
                        op = new int[] {1, rng.next(n)};
                        break;
                    case 2:
                    case 4:
                    case 5:
                    case 14:
                    case 15:
                    case 28:
                        op = new int[] {c, rng.next(i)};
                        break;
                    case 25:
                        op = new int[] {c, rng.next(n)};
                        break;
                    case 13:
                    case 26:
                    case 27:
                    case 29: {
                        int a = rng.next(i);
                        op = new int[] {c, a, rng.next(i)};
                        break;
                    }
                    case 3: {
                        int a = rng.next(i);
                        int b = rng.next(i);
                        op = new int[] {3, a, b, rng.next(2)};
                        break;
                    }
                    default:
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
