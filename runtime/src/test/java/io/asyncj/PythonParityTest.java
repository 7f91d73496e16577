package io.asyncj;

import static io.asyncj.Asyncio.createTask;
import static io.asyncj.Asyncio.currentTask;
import static io.asyncj.Asyncio.gather;
import static io.asyncj.Asyncio.getRunningLoop;
import static io.asyncj.Asyncio.shield;
import static io.asyncj.Asyncio.sleep;
import static io.asyncj.Asyncio.timeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same program, run by CPython's asyncio (python3, 3.11+) and by asyncj, must print the same
 * trace, line by line. Both run on virtual time: the Python prelude
 * ({@code parity_prelude.py}) gives asyncio a selector that jumps to the next timer, as
 * {@link Loops#virtual()} does, so traces can show the clock.
 *
 * <p>Each test holds the Python program and, below it, its Java twin written with {@link Script}.
 * The helpers mirror each other: {@code out} / {@link #out}, {@code d} / {@link #d} (an exception as
 * {@code Type(message)}, with asyncj's exceptions under asyncio's names), {@code now},
 * {@code work} / {@link #work}. Not compared here: {@code wait_for}, whose semantics changed in
 * 3.12 (asyncj follows 3.12; see {@link WaitForTest}), and anything that depends on the order of a
 * Python set.
 */
class PythonParityTest {

    /** The CPython to compare with. */
    private static final String PYTHON = System.getProperty("asyncj.python", "python3");

    private final List<String> trace = new ArrayList<>();

    // ---- scenarios ----

    private static final String PY_CALLBACKS_AND_TASKS_SHARE_ONE_FIFO_QUEUE = """
            async def child(name):
                out(name, "step 1")
                await asyncio.sleep(0)
                out(name, "step 2")
                return name

            async def main():
                loop = asyncio.get_running_loop()
                loop.call_soon(out, "cb 1")
                t1 = asyncio.create_task(child("t1"))
                loop.call_soon(out, "cb 2")
                t2 = asyncio.create_task(child("t2"))
                out("main before sleep")
                await asyncio.sleep(0)
                out("main after sleep")
                loop.call_soon(out, "cb 3")
                out("main got", await t1)
                out("main got", await t2)
            """;

    @Test
    void callbacksAndTasksShareOneFifoQueue() {
        assertParity(PY_CALLBACKS_AND_TASKS_SHARE_ONE_FIFO_QUEUE, Co.of(() -> {
                    EventLoop loop = getRunningLoop();
                    loop.callSoon(() -> out("cb 1"));
                    Task<String> t1 = createTask(child("t1"));
                    loop.callSoon(() -> out("cb 2"));
                    Task<String> t2 = createTask(child("t2"));
                    out("main before sleep");
                    return Script.start(() -> sleep(0)).then(v -> {
                        out("main after sleep");
                        loop.callSoon(() -> out("cb 3"));
                        return t1;
                    }).then(v -> {
                        out("main got", v);
                        return t2;
                    }).then(v -> out("main got", v)).build();
                }));
    }

    private Coroutine<String> child(String name) {
        return Script.<String>start(() -> {
            out(name, "step 1");
            return sleep(0);
        }).then(v -> {
            out(name, "step 2");
            return name;
        }).build();
    }

    private static final String PY_DONE_CALLBACKS_AND_WAKING_TASKS_KEEP_REGISTRATION_ORDER = """
            async def waiter(f, name):
                out(name, "waiting")
                v = await f
                out(name, "got", v)

            async def main():
                loop = asyncio.get_running_loop()
                f = loop.create_future()
                f.add_done_callback(lambda _: out("cb A"))
                t1 = asyncio.create_task(waiter(f, "w1"))
                await asyncio.sleep(0)
                f.add_done_callback(lambda _: out("cb B"))
                t2 = asyncio.create_task(waiter(f, "w2"))
                loop.call_soon(out, "soon")
                f.set_result(7)
                out("set")
                await asyncio.sleep(0)
                out("main resumed")
                await asyncio.sleep(0)
                out("main resumed again")
                await t1
                await t2
            """;

    @Test
    void doneCallbacksAndWakingTasksKeepRegistrationOrder() {
        assertParity(PY_DONE_CALLBACKS_AND_WAKING_TASKS_KEEP_REGISTRATION_ORDER, Co.of(() -> {
                    EventLoop loop = getRunningLoop();
                    Future<Integer> f = loop.createFuture();
                    f.addDoneCallback(x -> out("cb A"));
                    Task<Object> t1 = createTask(waiter(f, "w1"));
                    return Script.start(() -> sleep(0)).then(v -> {
                        f.addDoneCallback(x -> out("cb B"));
                        Task<Object> t2 = createTask(waiter(f, "w2"));
                        loop.callSoon(() -> out("soon"));
                        f.setResult(7);
                        out("set");
                        return Script.start(() -> sleep(0)).then(x -> {
                            out("main resumed");
                            return sleep(0);
                        }).then(x -> {
                            out("main resumed again");
                            return t1;
                        }).then(x -> t2).build();
                    }).build();
                }));
    }

    private Coroutine<Object> waiter(Future<Integer> f, String name) {
        return Script.start(() -> {
            out(name, "waiting");
            return f;
        }).then(v -> out(name, "got", v)).build();
    }

    private static final String PY_SLEEP_ZERO_INTERLEAVES_TASKS_CALLBACKS_AND_DUE_TIMERS = """
            async def ping(name, n):
                for i in range(n):
                    out(name, i)
                    await asyncio.sleep(0)

            async def main():
                loop = asyncio.get_running_loop()
                loop.call_later(0, out, "timer 0")
                a = asyncio.create_task(ping("a", 3))
                b = asyncio.create_task(ping("b", 2))
                loop.call_soon(out, "soon")
                await asyncio.gather(a, b)
                out("done")
            """;

    @Test
    void sleepZeroInterleavesTasksCallbacksAndDueTimers() {
        assertParity(PY_SLEEP_ZERO_INTERLEAVES_TASKS_CALLBACKS_AND_DUE_TIMERS, Co.of(() -> {
                    EventLoop loop = getRunningLoop();
                    loop.callLater(0, () -> out("timer 0"));
                    Task<Object> a = createTask(ping("a", 0, 3));
                    Task<Object> b = createTask(ping("b", 0, 2));
                    loop.callSoon(() -> out("soon"));
                    return Script.start(() -> gather(a, b)).then(v -> out("done")).build();
                }));
    }

    private Coroutine<Object> ping(String name, int i, int n) {
        return Script.start(() -> {
            out(name, i);
            return sleep(0);
        }).then(v -> i + 1 < n ? ping(name, i + 1, n) : null).build();
    }

    private static final String PY_TIMERS_AND_SLEEPS_ON_VIRTUAL_TIME = """
            async def sleeper(name, s):
                out(name, "start", now())
                await asyncio.sleep(s)
                out(name, "woke", now())

            async def main():
                loop = asyncio.get_running_loop()
                loop.call_later(2.5, out, "timer 2.5")
                loop.call_at(loop.time() + 1, out, "timer at 1")
                h = loop.call_later(1.5, out, "cancelled timer")
                ts = [asyncio.create_task(sleeper(n, s)) for n, s in (("x", 2), ("y", 0.5), ("z", 3))]
                h.cancel()
                await asyncio.sleep(2.25)
                out("main", now())
                await asyncio.wait(ts)
                out("end", now())
            """;

    @Test
    void timersAndSleepsOnVirtualTime() {
        assertParity(PY_TIMERS_AND_SLEEPS_ON_VIRTUAL_TIME, Co.of(() -> {
                    EventLoop loop = getRunningLoop();
                    loop.callLater(2.5, () -> out("timer 2.5"));
                    loop.callAt(loop.time() + 1, () -> out("timer at 1"));
                    TimerHandle h = loop.callLater(1.5, () -> out("cancelled timer"));
                    List<Task<Object>> ts = List.of(
                            createTask(sleeper("x", 2)), createTask(sleeper("y", 0.5)), createTask(sleeper("z", 3)));
                    h.cancel();
                    return Script.start(() -> sleep(2.25)).then(v -> {
                        out("main", now());
                        return Asyncio.wait(ts);
                    }).then(v -> out("end", now())).build();
                }));
    }

    private Coroutine<Object> sleeper(String name, double s) {
        return Script.start(() -> {
            out(name, "start", now());
            return sleep(s);
        }).then(v -> out(name, "woke", now())).build();
    }

    private static final String PY_GATHER_RAISES_THE_FIRST_EXCEPTION_AND_THE_OTHERS_KEEP_RUNNING = """
            async def main():
                try:
                    await asyncio.gather(work("a", 3), work("b", 1, True), work("c", 2, True))
                except Exception as e:
                    out("gather raised", d(e), now())
                await asyncio.sleep(5)
                out("end", now())
            """;

    @Test
    void gatherRaisesTheFirstExceptionAndTheOthersKeepRunning() {
        assertParity(PY_GATHER_RAISES_THE_FIRST_EXCEPTION_AND_THE_OTHERS_KEEP_RUNNING, Script.start(() -> gather(work("a", 3, false), work("b", 1, true), work("c", 2, true)))
                .handle((v, e) -> {
                    out("gather raised", d(e), now());
                    return sleep(5);
                }).then(v -> out("end", now())).build());
    }

    private static final String PY_GATHER_WITH_RETURN_EXCEPTIONS_LISTS_FAILURES_AND_CANCELLATIONS = """
            async def main():
                loop = asyncio.get_running_loop()
                victim = asyncio.create_task(work("v", 10))
                loop.call_later(1, victim.cancel)
                r = await asyncio.gather(work("a", 2), work("b", 1, True), victim, return_exceptions=True)
                out(*[x if isinstance(x, str) else d(x) for x in r])
            """;

    @Test
    void gatherWithReturnExceptionsListsFailuresAndCancellations() {
        // CPython lists a task cancelled with cancel("msg") while it awaited as CancelledError('')
        // here (Task.__step cancels itself without the message), though awaiting the task raises
        // CancelledError('msg'); asyncj does the same (GatherTest pins that).
        assertParity(PY_GATHER_WITH_RETURN_EXCEPTIONS_LISTS_FAILURES_AND_CANCELLATIONS, Co.of(() -> {
                    Task<String> victim = createTask(work("v", 10, false));
                    getRunningLoop().callLater(1, () -> victim.cancel());
                    return Script.start(() -> gather(true, work("a", 2, false), work("b", 1, true), victim))
                            .then(v -> out(((List<?>) v).stream()
                                    .map(x -> x instanceof Throwable t ? d(t) : x).toArray())).build();
                }));
    }

    private static final String PY_CANCELLING_A_GATHER_CANCELS_ITS_CHILDREN = """
            async def main():
                loop = asyncio.get_running_loop()
                g = asyncio.gather(work("a", 5), work("b", 5))
                loop.call_later(1, lambda: out("cancel ->", g.cancel("enough")))
                try:
                    await g
                except asyncio.CancelledError as e:
                    out("main", d(e), now(), g.cancelled())
            """;

    @Test
    void cancellingAGatherCancelsItsChildren() {
        assertParity(PY_CANCELLING_A_GATHER_CANCELS_ITS_CHILDREN, Co.of(() -> {
                    Future<List<String>> g = gather(work("a", 5, false), work("b", 5, false));
                    getRunningLoop().callLater(1, () -> out("cancel ->", g.cancel("enough")));
                    return Script.start(() -> g).handle((v, e) -> out("main", d(e), now(), g.isCancelled())).build();
                }));
    }

    private static final String PY_SHIELD_LETS_THE_INNER_WORK_OUTLIVE_THE_CANCELLED_AWAITER = """
            async def main():
                loop = asyncio.get_running_loop()
                inner = asyncio.create_task(work("inner", 3))

                async def guarded():
                    try:
                        return await asyncio.shield(inner)
                    except asyncio.CancelledError as e:
                        out("guarded", d(e), now())
                        raise

                g = asyncio.create_task(guarded())
                loop.call_later(1, g.cancel, "go away")
                try:
                    await g
                except asyncio.CancelledError as e:
                    out("main", d(e), g.cancelled(), inner.done())
                out("inner result", await inner, now())
            """;

    @Test
    void shieldLetsTheInnerWorkOutliveTheCancelledAwaiter() {
        assertParity(PY_SHIELD_LETS_THE_INNER_WORK_OUTLIVE_THE_CANCELLED_AWAITER, Co.of(() -> {
                    Task<String> inner = createTask(work("inner", 3, false));
                    Task<Object> g = createTask(Script.start(() -> shield(inner)).handle((v, e) -> {
                        if (e != null) {
                            out("guarded", d(e), now());
                            throw e;
                        }
                        return v;
                    }).build());
                    getRunningLoop().callLater(1, () -> g.cancel("go away"));
                    return Script.start(() -> g).handle((v, e) -> {
                        out("main", d(e), g.isCancelled(), inner.isDone());
                        return inner;
                    }).then(v -> out("inner result", v, now())).build();
                }));
    }

    private static final String PY_WAIT_RETURNS_DONE_AND_PENDING_PER_RETURN_WHEN = """
            def names(s):
                return ",".join(sorted(t.get_name() for t in s))

            async def main():
                a = asyncio.create_task(work("a", 3), name="a")
                b = asyncio.create_task(work("b", 1), name="b")
                c = asyncio.create_task(work("c", 2, True), name="c")
                done, pending = await asyncio.wait({a, b, c}, return_when=asyncio.FIRST_COMPLETED)
                out("first completed", names(done), names(pending), now())
                done, pending = await asyncio.wait({a, c}, return_when=asyncio.FIRST_EXCEPTION)
                out("first exception", names(done), names(pending), now())
                done, pending = await asyncio.wait({a}, timeout=0.5)
                out("timeout", names(done), names(pending), now(), a.cancelled())
                done, pending = await asyncio.wait({a, b, c})
                out("all", names(done), names(pending), now())
                out("c raised", d(c.exception()))
            """;

    @Test
    void waitReturnsDoneAndPendingPerReturnWhen() {
        assertParity(PY_WAIT_RETURNS_DONE_AND_PENDING_PER_RETURN_WHEN, Co.of(() -> {
                    Task<String> a = createTask(work("a", 3, false), "a");
                    Task<String> b = createTask(work("b", 1, false), "b");
                    Task<String> c = createTask(work("c", 2, true), "c");
                    return Script.start(() -> Asyncio.wait(List.of(a, b, c), ReturnWhen.FIRST_COMPLETED, null)).then(v -> {
                        WaitResult<?> r = (WaitResult<?>) v;
                        out("first completed", names(r.done()), names(r.pending()), now());
                        return Asyncio.wait(List.of(a, c), ReturnWhen.FIRST_EXCEPTION, null);
                    }).then(v -> {
                        WaitResult<?> r = (WaitResult<?>) v;
                        out("first exception", names(r.done()), names(r.pending()), now());
                        return Asyncio.wait(List.of(a), ReturnWhen.ALL_COMPLETED, 0.5);
                    }).then(v -> {
                        WaitResult<?> r = (WaitResult<?>) v;
                        out("timeout", names(r.done()), names(r.pending()), now(), a.isCancelled());
                        return Asyncio.wait(List.of(a, b, c));
                    }).then(v -> {
                        WaitResult<?> r = (WaitResult<?>) v;
                        out("all", names(r.done()), names(r.pending()), now());
                        return out("c raised", d(c.exception()));
                    }).build();
                }));
    }

    private static String names(Set<? extends Future<?>> tasks) {
        return tasks.stream().map(t -> ((Task<?>) t).getName()).sorted().collect(Collectors.joining(","));
    }

    private static final String PY_AS_COMPLETED_YIELDS_IN_COMPLETION_ORDER_UNTIL_THE_TIMEOUT = """
            async def main():
                for step in asyncio.as_completed([work("a", 3), work("b", 1), work("c", 2, True)]):
                    try:
                        out("got", await step, now())
                    except Exception as e:
                        out("raised", d(e), now())
                for step in asyncio.as_completed([work("x", 5), work("y", 1)], timeout=2):
                    try:
                        out("got", await step, now())
                    except TimeoutError as e:
                        out("raised", d(e), now())
            """;

    @Test
    void asCompletedYieldsInCompletionOrderUntilTheTimeout() {
        assertParity(PY_AS_COMPLETED_YIELDS_IN_COMPLETION_ORDER_UNTIL_THE_TIMEOUT, Co.of(() -> drain(Asyncio.asCompleted(List.of(work("a", 3, false), work("b", 1, false), work("c", 2, true)))
                        .iterator(), () -> drain(Asyncio.asCompleted(List.of(work("x", 5, false), work("y", 1, false)), 2)
                        .iterator(), () -> null))));
    }

    private Object drain(Iterator<Coroutine<String>> steps, Script.FirstStep then) throws Throwable {
        if (!steps.hasNext()) {
            return then.run();
        }
        return Script.start(steps::next).handle((v, e) -> {
            if (e == null) {
                out("got", v, now());
            } else {
                out("raised", d(e), now());
            }
            return drain(steps, then);
        }).build();
    }

    private static final String PY_CANCEL_MESSAGES_AND_CANCELLING_COUNTS = """
            async def victim():
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError as e:
                    out("victim caught", d(e), asyncio.current_task().cancelling())
                    raise

            async def main():
                t = asyncio.create_task(victim())
                await asyncio.sleep(1)
                out("cancel", t.cancel("first"), t.cancelling())
                out("cancel again", t.cancel("second"), t.cancelling())
                try:
                    await t
                except asyncio.CancelledError as e:
                    out("main", d(e), t.cancelled())
                out("cancel done", t.cancel("late"))
            """;

    @Test
    void cancelMessagesAndCancellingCounts() {
        // A second cancel() while the first is on its way does not change the message the task
        // sees: the awaited future was cancelled with the first one.
        assertParity(PY_CANCEL_MESSAGES_AND_CANCELLING_COUNTS, Co.of(() -> {
                    Task<Object> t = createTask(Script.start(() -> sleep(10)).handle((v, e) -> {
                        out("victim caught", d(e), currentTask().cancelling());
                        throw e;
                    }).build());
                    return Script.start(() -> sleep(1)).then(v -> {
                        out("cancel", t.cancel("first"), t.cancelling());
                        out("cancel again", t.cancel("second"), t.cancelling());
                        return t;
                    }).handle((v, e) -> {
                        out("main", d(e), t.isCancelled());
                        return out("cancel done", t.cancel("late"));
                    }).build();
                }));
    }

    private static final String PY_TASK_SWALLOWING_CANCELLATIONS_WITH_UNCANCEL_RUNS_ON = """
            async def stubborn():
                for i in range(2):
                    try:
                        await asyncio.sleep(10)
                    except asyncio.CancelledError as e:
                        out("stubborn swallowed", d(e), asyncio.current_task().uncancel())
                out("stubborn finished", now())
                return "kept"

            async def main():
                t = asyncio.create_task(stubborn())
                await asyncio.sleep(1)
                t.cancel("one")
                await asyncio.sleep(1)
                t.cancel("two")
                out("main got", await t, t.cancelling(), now())
            """;

    @Test
    void taskSwallowingCancellationsWithUncancelRunsOn() {
        assertParity(PY_TASK_SWALLOWING_CANCELLATIONS_WITH_UNCANCEL_RUNS_ON, Co.of(() -> {
                    Task<Object> t = createTask(stubborn(0));
                    return Script.start(() -> sleep(1)).then(v -> {
                        t.cancel("one");
                        return sleep(1);
                    }).then(v -> {
                        t.cancel("two");
                        return t;
                    }).then(v -> out("main got", v, t.cancelling(), now())).build();
                }));
    }

    private Coroutine<Object> stubborn(int i) {
        return Script.start(() -> sleep(10)).handle((v, e) -> {
            if (e instanceof CancelledException) {
                out("stubborn swallowed", d(e), currentTask().uncancel());
            } else if (e != null) {
                throw e;
            }
            if (i + 1 < 2) {
                return stubborn(i + 1);
            }
            out("stubborn finished", now());
            return "kept";
        }).build();
    }

    private static final String PY_TIMEOUT_EXPIRES_RESCHEDULES_AND_LETS_OUTER_CANCELLATIONS_THROUGH = """
            async def main():
                loop = asyncio.get_running_loop()
                try:
                    async with asyncio.timeout(1) as cm:
                        await asyncio.sleep(10)
                except TimeoutError as e:
                    out("expired", d(e), d(e.__cause__ or e.__context__), now(), cm.expired())
                async with asyncio.timeout(1) as cm:
                    cm.reschedule(loop.time() + 5)
                    await asyncio.sleep(3)
                    out("rescheduled body done", now(), cm.expired())
                t = asyncio.current_task()
                loop.call_later(1, t.cancel, "outside")
                try:
                    async with asyncio.timeout(5):
                        await asyncio.sleep(10)
                except asyncio.CancelledError as e:
                    out("outer cancellation passes", d(e), now())
                    t.uncancel()
                out("end", now(), t.cancelling())
            """;

    @Test
    void timeoutExpiresReschedulesAndLetsOuterCancellationsThrough() {
        assertParity(PY_TIMEOUT_EXPIRES_RESCHEDULES_AND_LETS_OUTER_CANCELLATIONS_THROUGH, Co.of(() -> {
                    EventLoop loop = getRunningLoop();
                    Timeout[] cm = new Timeout[1];
                    return Script.start(() -> timeout(1, tm -> {
                        cm[0] = tm;
                        return sleep(10);
                    })).handle((v, e) -> {
                        out("expired", d(e), d(e.getCause()), now(), cm[0].expired());
                        return timeout(1, tm -> Script.start(() -> {
                            tm.reschedule(loop.time() + 5);
                            return sleep(3);
                        }).then(x -> out("rescheduled body done", now(), tm.expired())).build());
                    }).then(v -> {
                        Task<?> t = currentTask();
                        loop.callLater(1, () -> t.cancel("outside"));
                        return Script.start(() -> timeout(5, sleep(10))).handle((x, e) -> {
                            out("outer cancellation passes", d(e), now());
                            t.uncancel();
                            return null;
                        }).then(x -> out("end", now(), t.cancelling())).build();
                    }).build();
                }));
    }

    private static final String PY_CANCELLATION_BEFORE_THE_FIRST_STEP_AND_RIGHT_BEFORE_RETURNING = """
            async def quick():
                out("quick runs")
                return 1

            async def selfcancel():
                asyncio.current_task().cancel("late")
                out("selfcancel returns")
                return 2

            async def main():
                t = asyncio.create_task(quick())
                t.cancel()
                try:
                    await t
                except asyncio.CancelledError as e:
                    out("cancelled before start", d(e))
                t2 = asyncio.create_task(selfcancel())
                try:
                    out(await t2)
                except asyncio.CancelledError as e:
                    out("selfcancel", d(e), t2.cancelled())
            """;

    @Test
    void cancellationBeforeTheFirstStepAndRightBeforeReturning() {
        assertParity(PY_CANCELLATION_BEFORE_THE_FIRST_STEP_AND_RIGHT_BEFORE_RETURNING, Co.of(() -> {
                    Task<Object> t = createTask(Co.of(() -> {
                        out("quick runs");
                        return 1;
                    }));
                    t.cancel();
                    return Script.start(() -> t).handle((v, e) -> {
                        out("cancelled before start", d(e));
                        Task<Object> t2 = createTask(Co.of(() -> {
                            currentTask().cancel("late");
                            out("selfcancel returns");
                            return 2;
                        }));
                        return Script.start(() -> t2).handle((x, e2) -> e2 == null ? out(x)
                                : out("selfcancel", d(e2), t2.isCancelled())).build();
                    }).build();
                }));
    }

    private static final String PY_CANCELLING_A_TASK_CANCELS_THE_TASK_IT_AWAITS = """
            async def main():
                inner = asyncio.create_task(work("inner", 5))

                async def outer():
                    try:
                        return await inner
                    except asyncio.CancelledError as e:
                        out("outer", d(e), inner.cancelled())
                        raise

                o = asyncio.create_task(outer())
                await asyncio.sleep(1)
                out("cancel", o.cancel("chain"))
                try:
                    await o
                except asyncio.CancelledError as e:
                    out("main", d(e), o.cancelled(), inner.cancelled())
            """;

    @Test
    void cancellingATaskCancelsTheTaskItAwaits() {
        assertParity(PY_CANCELLING_A_TASK_CANCELS_THE_TASK_IT_AWAITS, Co.of(() -> {
                    Task<String> inner = createTask(work("inner", 5, false));
                    Task<Object> o = createTask(Script.start(() -> inner).handle((v, e) -> {
                        if (e != null) {
                            out("outer", d(e), inner.isCancelled());
                            throw e;
                        }
                        return v;
                    }).build());
                    return Script.start(() -> sleep(1)).then(v -> {
                        out("cancel", o.cancel("chain"));
                        return o;
                    }).handle((v, e) -> out("main", d(e), o.isCancelled(), inner.isCancelled())).build();
                }));
    }

    private static final String PY_LEFTOVER_TASKS_ARE_CANCELLED_WHEN_MAIN_RETURNS = """
            async def cleanup():
                try:
                    await asyncio.sleep(100)
                except asyncio.CancelledError as e:
                    out("cleanup caught", d(e), now())
                    await asyncio.sleep(1)
                    out("cleanup finished", now())
                    raise

            async def main():
                asyncio.create_task(cleanup())
                await asyncio.sleep(2)
                out("main returns", now())
            """;

    @Test
    void leftoverTasksAreCancelledWhenMainReturns() {
        assertParity(PY_LEFTOVER_TASKS_ARE_CANCELLED_WHEN_MAIN_RETURNS, Co.of(() -> {
                    createTask(Script.start(() -> sleep(100)).handle((v, e) -> {
                        out("cleanup caught", d(e), now());
                        return Script.start(() -> sleep(1)).then(x -> {
                            out("cleanup finished", now());
                            throw e;
                        }).build();
                    }).build());
                    return Script.start(() -> sleep(2)).then(v -> out("main returns", now())).build();
                }));
    }

    // ---- the two sides ----

    /** asyncio's {@code work} from the prelude. */
    private Coroutine<String> work(String name, double seconds, boolean fail) {
        return Script.<String>start(() -> sleep(seconds)).handle((v, e) -> {
            if (e != null) {
                out(name, d(e));
                throw e;
            }
            if (fail) {
                out(name, "fails", now());
                throw new IllegalArgumentException(name);
            }
            out(name, "done", now());
            return name;
        }).build();
    }

    /** Python's {@code print(*parts)}: joined by spaces, booleans as True/False. Returns null. */
    private Object out(Object... parts) {
        trace.add(Arrays.stream(parts).map(PythonParityTest::str).collect(Collectors.joining(" ")));
        return null;
    }

    private static String str(Object o) {
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o == null) {
            return "None";
        }
        return o.toString();
    }

    /** The prelude's {@code d(e)}, with asyncj's exceptions under asyncio's names. */
    static String d(Throwable e) {
        if (e instanceof AsyncTimeoutException) {
            return "TimeoutError";
        }
        String name = e instanceof CancelledException ? "CancelledError"
                : e instanceof IllegalArgumentException ? "ValueError"
                : e.getClass().getSimpleName();
        return name + "(" + (e.getMessage() == null ? "" : e.getMessage()) + ")";
    }

    private static double now() {
        return getRunningLoop().time();
    }

    private void assertParity(String pythonMain, Coroutine<?> javaMain) {
        List<String> python = pythonTrace(pythonMain);
        runLikeAsyncioRun(javaMain);
        assertEquals(String.join("\n", python), String.join("\n", trace),
                "asyncj's trace (actual) differs from CPython's (expected)");
    }

    /** asyncio.run on a virtual-time loop: run main, then cancel the leftover tasks and wait for them. */
    private static void runLikeAsyncioRun(Coroutine<?> main) {
        SelectorEventLoop loop = Loops.virtual();
        try {
            loop.runUntilComplete(main);
            Set<Task<?>> left = loop.pendingTasks();
            if (!left.isEmpty()) {
                left.forEach(Task::cancel);
                loop.runUntilComplete(Gather.gather(new ArrayList<>(left), true));
            }
        } finally {
            loop.close();
        }
    }

    /** CPython's trace of every {@code PY_*} program, by program text; null until first needed. */
    private static Map<String, List<String>> pythonTraces;

    /**
     * CPython's trace of {@code pythonMain}. The first call runs every {@code PY_*} program of this
     * class in one python3 process (starting python3 costs about a second, sixteen times over);
     * each runs in its own namespace and on its own loop, and a program that raises leaves its
     * traceback in its trace (prefixed {@code !!!}), so only its own test fails.
     */
    private static synchronized List<String> pythonTrace(String pythonMain) {
        if (pythonTraces == null) {
            pythonTraces = runAllScenarios();
        }
        List<String> trace = pythonTraces.get(pythonMain);
        return trace != null ? trace : python(pythonMain + "\n\nrun(main())\n");
    }

    private static Map<String, List<String>> runAllScenarios() {
        Map<String, String> programs = new TreeMap<>();
        for (Field f : PythonParityTest.class.getDeclaredFields()) {
            if (f.getName().startsWith("PY_") && Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    programs.put(f.getName(), (String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        StringBuilder driver = new StringBuilder("import traceback\n\nSCENARIOS = [\n");
        programs.forEach((name, program) -> driver.append("    (\"").append(name).append("\", \"")
                .append(program.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append("\"),\n"));
        driver.append("""
                ]

                for name, program in SCENARIOS:
                    out("=== " + name)
                    try:
                        namespace = dict(globals())
                        exec(program, namespace)
                        run(namespace["main"]())
                    except BaseException:
                        out("!!! " + traceback.format_exc().rstrip().replace("\\n", "\\n!!! "))
                """);
        Map<String, List<String>> traces = new HashMap<>();
        List<String> current = null;
        for (String line : python(driver.toString())) {
            if (line.startsWith("=== ")) {
                current = new ArrayList<>();
                traces.put(programs.get(line.substring(4)), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return traces;
    }

    /** Runs the prelude plus {@code program} in python3 and returns what it printed. */
    static List<String> python(String program) {
        String source = prelude() + "\n\n" + program;
        Process p;
        try {
            p = new ProcessBuilder(PYTHON, "-").start();
        } catch (IOException e) {
            return fail(PYTHON + " is not on the PATH. PythonParityTest runs each scenario in CPython's asyncio"
                    + " (python3, 3.11+) and compares traces; install python3 (CI always has it), or name"
                    + " another interpreter with -Dasyncj.python=...", e);
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(source.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // python exited early; its stderr says why
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("python3 did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                fail("python3 failed (exit " + p.exitValue() + "):\n" + stderr.join() + "\nprogram:\n" + program);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
        String text = stdout.join();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    private static String readAll(InputStream in) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String prelude() {
        try (InputStream in = PythonParityTest.class.getResourceAsStream("parity_prelude.py")) {
            if (in == null) {
                throw new IllegalStateException("test resource io/asyncj/parity_prelude.py is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
