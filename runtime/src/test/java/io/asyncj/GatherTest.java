package io.asyncj;

import static io.asyncj.Asyncio.gather;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatherTest {

    private final List<String> trace = new ArrayList<>();

    @Test
    void valuesComeInArgumentOrderNotCompletionOrder() {
        List<String> r = Loops.runVirtual(Co.of(() -> {
            Future<String> f = Asyncio.getRunningLoop().createFuture();
            Asyncio.getRunningLoop().callLater(2, () -> f.setResult("c"));
            return gather(Co.work(trace, "a", 3, "a"), Co.work(trace, "b", 1, "b"), f);
        }));
        assertEquals(List.of("a", "b", "c"), r);
        assertEquals(List.of("a start", "b start", "b done@1.0", "a done@3.0"), trace);
    }

    @Test
    void childrenRunConcurrently() {
        double took = Loops.runVirtual(Script.<Double>start(() -> gather(
                sleep(1), sleep(2), sleep(3)))
                .then(v -> Co.now()).build());
        assertEquals(3.0, took, 1e-9);
    }

    @Test
    void listFormTakesMixedAwaitables() {
        List<Object> r = Loops.runVirtual(Co.of(() -> {
            Future<Object> done = Asyncio.getRunningLoop().createFuture();
            done.setResult("done");
            List<Awaitable<?>> all = List.of(done, Asyncio.completed(1), Asyncio.createTask(sleep(1, 2.0)));
            return gather(false, all);
        }));
        assertEquals(List.of("done", 1, 2.0), r);
    }

    @Test
    void namedTasksAndDuplicatesAreGatheredOnce() {
        // A task's own flag bits and gather's de-duplication mark must not collide: a named task
        // once looked "already seen" to gather (which then never finished), or lost its name.
        List<Object> r = Loops.runVirtual(Co.of(() -> {
            Task<Integer> named = Asyncio.createTask(sleep(1, 1), "named");
            Task<Integer> plain = Asyncio.createTask(sleep(2, 2));
            Future<List<Object>> g = gather(false, List.of(named, plain, named));
            assertEquals("named", named.getName());
            return g;
        }));
        assertEquals(List.of(1, 2, 1), r);
    }

    @Test
    void emptyGatherIsAlreadyDone() {
        List<Object> r = Loops.runVirtual(Co.of(() -> {
            Future<List<Object>> g = gather();
            assertTrue(g.isDone());
            return g;
        }));
        assertEquals(List.of(), r);
    }

    @Test
    void firstExceptionPropagatesAndTheOthersKeepRunning() {
        Expect e = new Expect();
        Loops.runVirtual(Script.start(() -> gather(
                Co.work(trace, "slow", 5, "s"),
                Co.failing(trace, "bad", 2, new IllegalArgumentException("A")),
                Co.failing(trace, "worse", 3, new IllegalStateException("B"))))
                .handle((v, err) -> {
                    e.expect(1);
                    assertInstanceOf(IllegalArgumentException.class, err);
                    assertEquals(2.0, Co.now(), 1e-9, "raised as soon as the first child failed");
                    return sleep(10);
                }).build());
        e.finish(2);
        assertEquals(List.of("slow start", "bad start", "worse start",
                "bad fails@2.0", "worse fails@3.0", "slow done@5.0"), trace);
    }

    @Test
    void firstFailureInArgumentOrderWinsWhenChildrenFailedAlready() {
        // Scenario: every child failed before gather() was called, so all their done callbacks are
        // scheduled at once; asyncio adds them in argument order, and the first argument's
        // exception is the one raised.
        for (int n = 2; n <= 40; n++) {
            int count = n;
            String raised = Loops.runVirtual(Script.<String>start(() -> {
                List<Future<Object>> failed = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Future<Object> f = Asyncio.getRunningLoop().createFuture();
                    f.setException(new IllegalStateException("child " + i));
                    failed.add(f);
                }
                return gather(failed);
            }).handle((v, err) -> err.getMessage()).build());
            assertEquals("child 0", raised, "with " + count + " children");
        }
    }

    @Test
    void returnExceptionsPutsFailuresAndCancellationsInTheList() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        List<Object> r = Loops.runVirtual(Co.of(() -> {
            Task<Object> victim = Asyncio.createTask(Co.work(trace, "victim", 10, "v"));
            Asyncio.getRunningLoop().callLater(1, () -> victim.cancel("stop it"));
            return gather(true, Co.work(trace, "ok", 2, "ok"), Co.failing(trace, "bad", 1, boom), victim);
        }));
        assertEquals(3, r.size());
        assertEquals("ok", r.get(0));
        assertSame(boom, r.get(1));
        CancelledException ce = assertInstanceOf(CancelledException.class, r.get(2));
        // As CPython 3.11-3.13: CancelledError('') here (Task.__step cancels itself without the
        // message) although `await victim` would raise CancelledError('stop it').
        assertEquals("", ce.getMessage());
    }

    @Test
    void cancelledChildWithoutMessageGivesAnEmptyMessageInTheList() {
        List<Object> r = Loops.runVirtual(Co.of(() -> {
            Future<Object> f = Asyncio.getRunningLoop().createFuture();
            f.cancel();
            return gather(true, f);
        }));
        assertEquals("", assertInstanceOf(CancelledException.class, r.get(0)).getMessage());
    }

    @Test
    void cancelledChildFailsTheGatherAndTheOthersKeepRunning() {
        Expect e = new Expect();
        Loops.runVirtual(Co.of(() -> {
            Task<Object> victim = Asyncio.createTask(Co.work(trace, "victim", 10, "v"));
            Asyncio.getRunningLoop().callLater(1, () -> victim.cancel("stop it"));
            Future<List<Object>> g = gather(victim, Co.work(trace, "other", 3, "o"));
            return Script.start(() -> g).handle((v, err) -> {
                e.expect(1);
                CancelledException ce = assertInstanceOf(CancelledException.class, err);
                assertEquals("stop it", ce.getMessage());
                assertFalse(g.isCancelled(), "asyncio sets the CancelledError as the exception; it does not cancel");
                assertTrue(g.isDone());
                return sleep(5);
            }).build();
        }));
        e.finish(2);
        assertEquals(List.of("victim start", "other start", "victim cancelled(stop it)", "other done@3.0"), trace);
    }

    @Test
    void cancellingTheGatherCancelsEveryChild() {
        Expect e = new Expect();
        Loops.runVirtual(Co.of(() -> {
            Future<List<Object>> g = gather(Co.work(trace, "a", 5, "a"), Co.work(trace, "b", 5, "b"));
            Asyncio.getRunningLoop().callLater(1, () -> {
                e.expect(1);
                assertTrue(g.cancel("enough"));
                assertFalse(g.isDone(), "done only once the children have finished cancelling");
            });
            return Script.start(() -> g).handle((v, err) -> {
                e.expect(2);
                assertEquals("enough", assertInstanceOf(CancelledException.class, err).getMessage());
                assertEquals(1.0, Co.now(), 1e-9);
                return null;
            }).build();
        }));
        e.finish(3);
        assertEquals(List.of("a start", "b start", "a cancelled(enough)", "b cancelled(enough)"), trace);
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheChildren() {
        Loops.runVirtual(Co.of(() -> {
            Task<Object> waiter = Asyncio.createTask(Co.of(() -> gather(Co.work(trace, "a", 5, "a"))));
            Asyncio.getRunningLoop().callLater(1, () -> waiter.cancel("from above"));
            return Script.start(() -> waiter).handle((v, err) -> {
                assertTrue(waiter.isCancelled());
                assertEquals("from above", err.getMessage());
                return null;
            }).build();
        }));
        assertEquals(List.of("a start", "a cancelled(from above)"), trace);
    }

    @Test
    void gatherIsCancelledEvenIfAChildSwallowsTheCancellation() {
        Expect e = new Expect();
        Loops.runVirtual(Co.of(() -> {
            Future<List<Object>> g = gather(Co.stubborn(trace, "stubborn", 5, "s"), Co.work(trace, "b", 0.5, "b"));
            Asyncio.getRunningLoop().callLater(1, () -> assertTrue(g.cancel()));
            return Script.start(() -> g).handle((v, err) -> {
                e.expect(1);
                assertInstanceOf(CancelledException.class, err);
                return null;
            }).build();
        }));
        e.finish(2);
        assertEquals(List.of("stubborn start", "b start", "b done@0.5", "stubborn swallowed cancelled@1.0"), trace);
    }

    @Test
    void aCancelledGatherWhoseLastChildSwallowedItHasThatChildsKeptMessage() {
        // CPython 3.11: outer.set_exception(fut._make_cancelled_error()) with fut the last child,
        // which finished normally: no message if its waiter took the cancel, else the one it kept.
        CancelledException[] seen = new CancelledException[2];
        Loops.runVirtual(Co.of(() -> {
            Future<List<Integer>> g = gather(Co.stubborn(trace, "waiting", 5, 7));
            Asyncio.getRunningLoop().callLater(1, () -> assertTrue(g.cancel("outer")));
            Task<?>[] yielding = new Task<?>[1];
            return Script.start(() -> g).handle((v, err) -> {
                seen[0] = (CancelledException) err;
                yielding[0] = Asyncio.createTask(Co.stubborn(trace, "yielding", 0, 8)); // parks on sleep(0)
                return sleep(0);
            }).then(v -> {
                @SuppressWarnings("unchecked")
                Future<List<Integer>> g2 = gather((Task<Integer>) yielding[0]);
                assertTrue(g2.cancel("kept for its next step"));
                return g2;
            }).handle((v, err) -> {
                seen[1] = (CancelledException) err;
                return null;
            }).build();
        }));
        assertEquals(null, seen[0].getMessage());
        assertEquals("kept for its next step", seen[1].getMessage());
        assertEquals(List.of("waiting start", "waiting swallowed cancelled(outer)@1.0", "yielding start",
                "yielding swallowed cancelled(kept for its next step)@1.0"), trace);
    }

    @Test
    void aCancelledGatherEndsWithTheCancellationOfItsLastChildInArgumentOrder() {
        // CPython 3.11 (python3 prints True, CancelledError('zero'), [1, CancelledError('')]):
        //   t0 = create_task(sleep(10)); sleep(0); t0.cancel("zero"); sleep(0)
        //   t1 = create_task(swallower()); sleep(0)
        //   g = gather(t1, t0, return_exceptions=True); sleep(0); g.cancel("outer"); await g
        List<Object> seen = new ArrayList<>();
        Loops.runVirtual(Co.of(() -> {
            Task<Object> t0 = Asyncio.createTask(Co.of(() -> sleep(10)));
            Task<?>[] t1 = new Task<?>[1];
            Future<?>[] g = new Future<?>[1];
            return Script.start(() -> sleep(0)).then(v -> {
                t0.cancel("zero");
                return sleep(0);
            }).then(v -> {
                t1[0] = Asyncio.createTask(Co.stubborn(trace, "t1", 10, 1));
                return sleep(0);
            }).then(v -> {
                g[0] = Asyncio.gather(true, t1[0], t0);
                return sleep(0);
            }).then(v -> {
                seen.add(g[0].cancel("outer"));
                return g[0];
            }).handle((v, err) -> {
                seen.add(err.getMessage());
                return Asyncio.gather(true, t1[0], t0);
            }).then(v -> {
                List<?> l = (List<?>) v;
                seen.add(l.get(0));
                seen.add(((CancelledException) l.get(1)).getMessage());
                return null;
            }).build();
        }));
        assertEquals(List.of(true, "zero", 1, ""), seen);
    }

    @Test
    void cancelAfterEveryChildFinishedReturnsFalse() {
        boolean cancelled = Loops.runVirtual(Script.<Boolean>start(() -> {
            Future<Object> f = Asyncio.getRunningLoop().createFuture();
            f.setResult(1);
            Future<List<Object>> g = gather(f);
            return g.cancel();
        }).build());
        assertFalse(cancelled);
    }

    @Test
    void cancelOfADoneGatherReturnsFalse() {
        Loops.runVirtual(Co.of(() -> {
            Future<List<Object>> g = gather(sleep(1, "x"));
            return Script.start(() -> g).then(v -> {
                assertEquals(List.of("x"), v);
                assertFalse(g.cancel());
                return null;
            }).build();
        }));
    }

    @Test
    void duplicateAwaitableIsAwaitedOnceAndAppearsTwice() {
        List<Object> r = Loops.runVirtual(Co.of(() -> {
            Coroutine<String> c = Co.work(trace, "once", 1, "v");
            Future<Object> f = Asyncio.getRunningLoop().createFuture();
            Asyncio.getRunningLoop().callLater(2, () -> f.setResult("f"));
            return gather(false, c, f, c, f);
        }));
        assertEquals(List.of("v", "f", "v", "f"), r);
        assertEquals(List.of("once start", "once done@1.0"), trace);
    }

    @Test
    void futuresOfDifferentLoopsAreRefused() {
        SelectorEventLoop other = Loops.virtual();
        try {
            Future<Object> foreign = other.createFuture();
            Loops.runVirtual(Co.of(() -> {
                Future<Object> mine = Asyncio.getRunningLoop().createFuture();
                assertThrows(IllegalArgumentException.class, () -> gather(mine, foreign));
                return null;
            }));
        } finally {
            other.close();
        }
    }

    @Test
    void nullAwaitableIsRefused() {
        Loops.runVirtual(Co.of(() -> {
            assertThrows(NullPointerException.class, () -> gather(sleep(0), null));
            return null;
        }));
    }

    @Test
    void failingChildExceptionsAfterTheFirstAreRetrieved() {
        // Scenario: two children fail; the gather raised the first, so the second's exception must
        // not be reported as "never retrieved".
        Loops.runVirtual(Co.of(() -> {
            Task<Object> a = Asyncio.createTask(Co.failing(trace, "a", 1, new IllegalStateException("a")));
            Task<Object> b = Asyncio.createTask(Co.failing(trace, "b", 2, new IllegalStateException("b")));
            return Script.start(() -> gather(a, b)).handle((v, err) -> sleep(3)).then(v -> {
                assertEquals(0, b.flags & 8, "b's exception was retrieved by gather");
                return null;
            }).build();
        }));
    }
}
