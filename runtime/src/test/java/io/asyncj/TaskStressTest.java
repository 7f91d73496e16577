package io.asyncj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 100,000 tasks on virtual time with random (seeded) sleeps, yields, awaits of other tasks,
 * failures and cancellations from timers. Checks that every task ends in exactly one state, the
 * one its coroutine saw; that a cancel() which returned true ends a task that does not swallow
 * cancellations as cancelled; that every done callback and timer ran exactly once; and that no
 * task is left at the end.
 *
 * <p>Scale and seed: {@code -Dasyncj.stress.tasks=N}, {@code -Dasyncj.stress.seed=S}. Skipped with
 * {@code -DskipStress}.
 */
class TaskStressTest {

    private static final int TASKS = Integer.getInteger("asyncj.stress.tasks", 100_000);
    private static final long SEED = Long.getLong("asyncj.stress.seed", 20240611L);

    private static final char DONE = 'D';
    private static final char FAILED = 'F';
    private static final char CANCELLED = 'C';

    private final Random random = new Random(SEED);
    private final List<Task<Object>> tasks = new ArrayList<>(TASKS);
    /** What each coroutine saw as its own outcome. */
    private final char[] reported = new char[TASKS];
    private final Throwable[] thrown = new Throwable[TASKS];
    /** Swallowers catch a cancellation at their first sleep and carry on. */
    private final boolean[] swallower = new boolean[TASKS];
    private final boolean[] cancelReturnedTrue = new boolean[TASKS];
    private final int[] doneCallbacks = new int[TASKS];
    private int cancelTimersRun;
    private int cancelTimersScheduled;

    @Test
    void everyTaskEndsInExactlyOneStateAndNothingIsLost() {
        long start = System.nanoTime();
        SelectorEventLoop loop = Loops.virtual();
        try {
            List<Object> results = loop.runUntilComplete(Co.of(() -> {
                for (int i = 0; i < TASKS; i++) {
                    spawn(loop, i);
                }
                return Asyncio.gather(true, tasks);
            }));
            Future<Set<Task<?>>> left = loop.createFuture();
            loop.callSoon(() -> left.setResult(Asyncio.allTasks()));
            assertEquals(Set.of(), loop.runUntilComplete(left), "allTasks() is empty at the end");
            check(results);
        } finally {
            loop.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    private void spawn(SelectorEventLoop loop, int i) {
        swallower[i] = random.nextInt(10) == 0;
        boolean yields = random.nextBoolean();
        // Await an earlier task that does not swallow cancellations: otherwise it could absorb a
        // cancellation meant for this one (CPython's rule: the awaited task may ignore it).
        int awaits = -1;
        if (i > 0 && random.nextInt(5) == 0) {
            int j = random.nextInt(i);
            if (!swallower[j]) {
                awaits = j;
            }
        }
        boolean fails = random.nextInt(10) == 0;
        double firstSleep = random.nextInt(10_000) / 1000.0;
        double secondSleep = random.nextInt(3_000) / 1000.0;
        int other = awaits;

        Coroutine<Object> body = Script.start(() -> Asyncio.sleep(firstSleep)).handle((v, e) -> {
            if (e instanceof CancelledException && swallower[i]) {
                return null; // swallowed once
            }
            if (e != null) {
                throw e;
            }
            return null;
        }).then(v -> yields ? Asyncio.sleep(0) : null).then(v -> {
            if (other < 0) {
                return null;
            }
            return Script.start(() -> tasks.get(other)).handle((x, e) -> {
                if (e instanceof CancelledException) {
                    throw e; // the awaited task's cancellation becomes ours, as in asyncio
                }
                return null; // its failure is looked at and ignored
            }).build();
        }).then(v -> Asyncio.sleep(secondSleep)).then(v -> {
            if (fails) {
                throw new IllegalStateException("task " + i + " fails");
            }
            return i;
        }).handle((v, e) -> {
            if (e == null) {
                reported[i] = DONE;
                return v;
            }
            reported[i] = e instanceof CancelledException ? CANCELLED : FAILED;
            thrown[i] = e;
            throw e;
        }).build();

        Task<Object> t = loop.createTask(body);
        tasks.add(t);
        t.addDoneCallback(f -> {
            assertTrue(f.isDone());
            doneCallbacks[i]++;
        });
        int dice = random.nextInt(100);
        if (dice < 2) {
            cancelReturnedTrue[i] = t.cancel("before start");
        } else if (dice < 35) {
            cancelTimersScheduled++;
            loop.callLater(random.nextInt(14_000) / 1000.0, () -> {
                cancelTimersRun++;
                if (t.cancel("timer")) {
                    cancelReturnedTrue[i] = true;
                }
            });
        }
    }

    private void check(List<Object> results) {
        assertEquals(TASKS, results.size());
        int[] counts = new int[3];
        for (int i = 0; i < TASKS; i++) {
            Task<Object> t = tasks.get(i);
            String who = "task " + i + " " + t;
            assertTrue(t.isDone(), who);
            assertEquals(1, doneCallbacks[i], "done callback of " + who);
            Object r = results.get(i);
            if (t.isCancelled()) {
                counts[2]++;
                // a task cancelled before its first step never ran its coroutine
                if (reported[i] != 0) {
                    assertEquals(CANCELLED, reported[i], who);
                }
                assertTrue(r instanceof CancelledException, who);
            } else if (t.exception() != null) {
                counts[1]++;
                assertEquals(FAILED, reported[i], who);
                assertSame(thrown[i], t.exception(), who);
                assertSame(thrown[i], r, who);
            } else {
                counts[0]++;
                assertEquals(DONE, reported[i], who);
                assertEquals(i, t.result(), who);
                assertEquals(i, r, who);
            }
            if (cancelReturnedTrue[i] && !swallower[i] && !t.isCancelled()) {
                fail("cancel() returned true but " + who + " did not end cancelled");
            }
        }
        assertEquals(TASKS, counts[0] + counts[1] + counts[2]);
        assertTrue(counts[0] > 0 && counts[1] > 0 && counts[2] > 0, "every outcome occurs: " + java.util.Arrays.toString(counts));
        assertEquals(cancelTimersScheduled, cancelTimersRun, "every timer ran once");
    }
}
