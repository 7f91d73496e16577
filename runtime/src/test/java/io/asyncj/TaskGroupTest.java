package io.asyncj;

import static io.asyncj.Asyncio.completed;
import static io.asyncj.Asyncio.createTask;
import static io.asyncj.Asyncio.currentTask;
import static io.asyncj.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scenario's expected trace is what CPython 3.13 prints for the same program. */
class TaskGroupTest {

    /** Sleeps {@code delay}, then returns its name or fails with IllegalArgumentException(name). */
    static Coroutine<String> child(List<String> trace, String name, double delay, boolean fail) {
        return Script.<String>start(() -> sleep(delay)).handle((v, e) -> {
            if (e != null) {
                trace.add(name + " cancelled");
                throw e;
            }
            if (fail) {
                trace.add(name + " fails");
                throw new IllegalArgumentException(name);
            }
            trace.add(name + " done");
            return name;
        }).build();
    }

    @Test
    void waitsForEveryTaskAndReturnsTheBodysValue() {
        List<String> trace = new ArrayList<>();
        SelectorEventLoop loop = Loops.virtual();
        List<Task<String>> tasks = loop.runUntilComplete(TaskGroup.run(tg -> {
            List<Task<String>> ts = List.of(tg.createTask(child(trace, "a", 2, false)),
                    tg.createTask(child(trace, "b", 1, false)));
            trace.add("body end");
            return completed(ts);
        }));
        assertEquals(List.of("body end", "b done", "a done"), trace);
        assertEquals("a", tasks.get(0).result());
        assertEquals("b", tasks.get(1).result());
        assertEquals(2.0, loop.time(), 1e-9);
        loop.close();
    }

    @Test
    void failingTasksCancelTheOthersAndTheBodyAndAreCollected() {
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> TaskGroup.run(tg -> {
            tg.createTask(child(trace, "a", 1, true));
            tg.createTask(child(trace, "b", 2, false));
            tg.createTask(child(trace, "c", 1, true));
            return Script.start(() -> sleep(10)).handle((v, e) -> {
                trace.add("body cancelled");
                throw e;
            }).build();
        })).handle((v, e) -> {
            ExceptionGroup eg = (ExceptionGroup) e;
            trace.add("group " + eg.exceptions().stream().map(Throwable::getMessage).toList() + " " + eg.getMessage());
            trace.add("cancelling=" + currentTask().cancelling());
            return sleep(0);
        }).then(v -> trace.add("after")).build());
        assertEquals(List.of("a fails", "c fails", "b cancelled", "body cancelled",
                "group [a, c] unhandled errors in a TaskGroup (2 sub-exceptions)", "cancelling=0", "after"), trace);
    }

    @Test
    void failingBodyCancelsTheTasks() {
        List<String> trace = new ArrayList<>();
        IOException boom = new IOException("body");
        Loops.runVirtual(Script.start(() -> TaskGroup.run(tg -> {
            tg.createTask(child(trace, "a", 1, false));
            return Script.start(() -> sleep(0)).then(v -> {
                throw boom; // a checked exception from the body
            }).build();
        })).handle((v, e) -> {
            assertSame(boom, ((ExceptionGroup) e).exceptions().get(0));
            trace.add("group " + ((ExceptionGroup) e).exceptions().size());
            return null;
        }).build());
        assertEquals(List.of("a cancelled", "group 1"), trace);
    }

    @Test
    void bodyThatThrowsBeforeReturningAnAwaitableCountsAsFailing() {
        List<String> trace = new ArrayList<>();
        List<Task<String>> created = new ArrayList<>();
        Object r = Loops.runVirtual(Script.start(() -> TaskGroup.run(tg -> {
            created.add(tg.createTask(child(trace, "a", 1, false)));
            throw new IllegalStateException("sync");
        })).handle((v, e) -> ((ExceptionGroup) e).exceptions().get(0).getMessage()).build());
        assertEquals("sync", r);
        assertTrue(created.get(0).isCancelled());
        assertEquals(List.of(), trace); // cancelled before its first step: its body never ran
    }

    @Test
    void cancellingTheParentCancelsTheTasksAndPropagates() {
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Void> runner = createTask(TaskGroup.run(tg -> {
                tg.createTask(child(trace, "a", 5, false));
                return sleep(10);
            }));
            return Script.start(() -> sleep(1)).then(v -> {
                runner.cancel();
                return runner;
            }).handle((v, e) -> {
                assertTrue(e instanceof CancelledException);
                trace.add("runner cancelled, cancelling=" + runner.cancelling());
                return null;
            }).build();
        }).build());
        assertEquals(List.of("a cancelled", "runner cancelled, cancelling=1"), trace);
    }

    @Test
    void failureWinsOverAnOutsideCancellationWhichStaysPending() {
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> {
            Task<Object> runner = createTask(Script.start(() -> TaskGroup.run(tg -> {
                tg.createTask(child(trace, "a", 1, true));
                tg.createTask(child(trace, "b", 5, false));
                return sleep(10);
            })).handle((v, e) -> {
                assertTrue(e instanceof ExceptionGroup, String.valueOf(e));
                trace.add("group, cancelling=" + currentTask().cancelling());
                return sleep(0);
            }).handle((v, e) -> {
                trace.add(e == null ? "not cancelled" : "still cancelled");
                if (e != null) {
                    throw e;
                }
                return null;
            }).build());
            return Script.start(() -> sleep(1)).then(v -> sleep(0)).then(v -> {
                runner.cancel();
                return runner;
            }).handle((v, e) -> {
                assertTrue(e instanceof CancelledException);
                trace.add("runner cancelled");
                return null;
            }).build();
        }).build());
        assertEquals(List.of("a fails", "b cancelled", "group, cancelling=1", "still cancelled", "runner cancelled"), trace);
    }

    @Test
    void tasksMayBeAddedWhileTheGroupWaitsButNotAfterItFinished() {
        List<String> trace = new ArrayList<>();
        TaskGroup[] group = new TaskGroup[1];
        Loops.runVirtual(TaskGroup.run(tg -> {
            group[0] = tg;
            tg.createTask(Script.start(() -> sleep(1)).then(v -> tg.createTask(child(trace, "late", 1, false))).build());
            return completed();
        }));
        assertEquals(List.of("late done"), trace);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> group[0].createTask(completed()));
        assertEquals("TaskGroup <TaskGroup entered> is finished", e.getMessage());
    }

    @Test
    void noTasksMayBeAddedWhileShuttingDown() {
        List<String> trace = new ArrayList<>();
        Loops.runVirtual(Script.start(() -> TaskGroup.run(tg -> {
            tg.createTask(child(trace, "a", 1, true));
            return Script.start(() -> sleep(10)).handle((v, e) -> {
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> tg.createTask(completed()));
                trace.add(refused.getMessage());
                throw e;
            }).build();
        })).handle((v, e) -> null).build());
        assertEquals(List.of("a fails", "TaskGroup <TaskGroup errors=1 cancelling> is shutting down"), trace);
    }

    @Test
    void taskThatSwallowsItsCancellationIsWaitedFor() {
        Expect ex = new Expect();
        Object r = Loops.runVirtual(Script.start(() -> TaskGroup.run(tg -> {
            tg.createTask(Script.start(() -> sleep(10)).handle((v, e) -> {
                ex.expect(2);
                return sleep(3); // keeps running after the cancellation
            }).then(v -> {
                ex.expect(3);
                return "stubborn";
            }).build());
            tg.createTask(Script.start(() -> sleep(1)).then(v -> {
                ex.expect(1);
                throw new IllegalArgumentException("x");
            }).build());
            return sleep(10);
        })).handle((v, e) -> {
            ex.expect(4);
            return ((ExceptionGroup) e).exceptions().size();
        }).build());
        assertEquals(1, r);
        ex.finish(5);
    }

    @Test
    void virtualMachineErrorsPassThroughUnwrapped() {
        StackOverflowError soe = new StackOverflowError("deep");
        Object r = Loops.runVirtual(Script.start(() -> TaskGroup.run(tg -> {
            tg.createTask(Script.start(() -> sleep(1)).then(v -> {
                throw soe;
            }).build());
            return sleep(10);
        })).handle((v, e) -> e).build());
        assertSame(soe, r);
    }

    @Test
    void exceptionGroupNeedsExceptions() {
        assertThrows(IllegalArgumentException.class, () -> new ExceptionGroup("none", List.of()));
        ExceptionGroup g = new ExceptionGroup("one", List.of(new IOException("x")));
        assertEquals("one (1 sub-exception)", g.getMessage());
        assertEquals("one", g.message());
        assertEquals(1, g.getSuppressed().length);
    }
}
