package io.asyncj;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * asyncio's {@code TaskGroup} (3.13 semantics): structured concurrency. Tasks created in the group
 * cannot outlive it: the group's coroutine finishes only when every one of them is done.
 *
 * <p>Java has no {@code async with}: {@link #run(Function)} enters the group, runs the body it is
 * given (a function of the group returning the work to await, typically a call of an
 * {@code @Async} method that takes the group), waits for every task, and exits.
 *
 * <pre>{@code
 * // async with asyncio.TaskGroup() as tg:
 * //     t1 = tg.create_task(fetch("a"))
 * //     t2 = tg.create_task(fetch("b"))
 * // print(t1.result(), t2.result())
 * @Async
 * static Coroutine<Void> main() {
 *     List<Task<String>> tasks = await(TaskGroup.run(tg -> completed(List.of(
 *             tg.createTask(fetch("a")),
 *             tg.createTask(fetch("b"))))));
 *     System.out.println(tasks.get(0).result() + tasks.get(1).result());
 *     return completed();
 * }
 *
 * // a body that awaits: an @Async method that receives the group
 * @Async
 * static Coroutine<Integer> crawl(TaskGroup tg, String root) {
 *     for (String link : await(links(root))) {
 *         tg.createTask(download(link));
 *     }
 *     return completed(42);
 * }
 * int n = await(TaskGroup.run(tg -> crawl(tg, "https://example.org")));
 * }</pre>
 *
 * <p>Failure: the first task that fails (with anything but {@link CancelledException}) cancels
 * every other task of the group and the body (by cancelling the task that runs the group, which the
 * group withdraws again with {@link Task#uncancel()} when it exits). When all are done, the group
 * throws an {@link ExceptionGroup} of every failure, the body's included, in the order they
 * happened. A body that fails does the same. A {@link VirtualMachineError} (asyncio's
 * {@code KeyboardInterrupt}/{@code SystemExit}) is rethrown as is instead.
 *
 * <p>Cancellation: cancelling the task that runs the group cancels the body and every task of the
 * group; the group waits for them and then throws {@link CancelledException} (unless some task
 * failed, in which case the {@link ExceptionGroup} wins and the task's cancellation request is kept
 * pending). The tasks are cancelled in the order they were created.
 *
 * <p><b>Thread-safety:</b> loop-thread only. The group belongs to the task that runs
 * {@link #run(Function)}.
 */
public final class TaskGroup {
    private boolean entered;
    private boolean exiting;
    private boolean aborting;
    private SelectorEventLoop loop;
    private Task<?> parentTask;
    private boolean parentCancelRequested;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private List<Throwable> errors = new ArrayList<>();
    private Throwable baseError;
    private Future<Boolean> onCompleted;
    private final Consumer<Future<?>> onTaskDone = this::onTaskDone;

    private TaskGroup() {}

    /**
     * A coroutine that runs {@code body} inside a new task group: {@code async with TaskGroup() as
     * tg: return await body(tg)}. It returns the body's value once the body and every task created
     * in the group are done.
     *
     * <p>It must run in a task (awaited from one, or scheduled as one).
     *
     * @throws ExceptionGroup (from the coroutine) the failures of the body and the tasks
     * @throws CancelledException (from the coroutine) if the task running it was cancelled
     */
    public static <T> Coroutine<T> run(Function<? super TaskGroup, ? extends Awaitable<T>> body) {
        Objects.requireNonNull(body, "body");
        return new Scope<>(new TaskGroup(), body);
    }

    /**
     * Creates a task in this group, like {@link Asyncio#createTask(Coroutine)}.
     *
     * @throws IllegalStateException if the group has finished or is shutting down (after a failure
     *     or a cancellation)
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /** {@link #createTask(Coroutine)} with a task name. */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Objects.requireNonNull(coroutine, "a coroutine was expected, got null");
        String refusal = null;
        if (!entered) {
            refusal = "has not been entered";
        } else if (exiting && tasks.isEmpty()) {
            refusal = "is finished";
        } else if (aborting) {
            refusal = "is shutting down";
        }
        if (refusal != null) {
            if (Debug.trackCoroutines) {
                Debug.claimed(coroutine); // closed, as CPython closes it: not "never awaited"
            }
            throw new IllegalStateException("TaskGroup " + this + " " + refusal);
        }
        Task<T> task = loop.createTask(coroutine, name);
        tasks.add(task);
        task.addDoneCallback(onTaskDone);
        return task;
    }

    private void enter() {
        if (entered) {
            throw new IllegalStateException("TaskGroup " + this + " has already been entered");
        }
        loop = Asyncio.runningLoop();
        parentTask = loop.currentTask;
        if (parentTask == null) {
            throw new IllegalStateException("TaskGroup " + this + " cannot determine the parent task");
        }
        entered = true;
    }

    private static boolean isBaseError(Throwable t) {
        return t instanceof VirtualMachineError;
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : new ArrayList<>(tasks)) {
            if (!t.isDone()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> task) {
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.isDone()) {
            onCompleted.setResult(Boolean.TRUE);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parentTask.isDone()) {
            loop.callExceptionHandler(new ExceptionContext("Task " + task + " has errored out but its parent task "
                    + parentTask + " is already completed", exc, task, null));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // Cancel the body (it may be awaiting something unrelated); the cancellation is
            // withdrawn with uncancel() when the group exits, so the parent task carries on.
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            sb.append(" tasks=").append(tasks.size());
        }
        if (errors != null && !errors.isEmpty()) {
            sb.append(" errors=").append(errors.size());
        }
        if (aborting) {
            sb.append(" cancelling");
        } else if (entered) {
            sb.append(" entered");
        }
        return sb.append('>').toString();
    }

    /** {@code async with TaskGroup() as tg: return await body(tg)}: CPython 3.13's {@code __aexit__} from state 2 on. */
    private static final class Scope<T> extends Coroutine<T> {
        private final TaskGroup tg;
        private Function<? super TaskGroup, ? extends Awaitable<T>> body;
        private T value;
        /** The exception the body ended with (the {@code exc} of {@code __aexit__}), or null. */
        private Throwable et;
        private Throwable propagateCancellation;

        Scope(TaskGroup tg, Function<? super TaskGroup, ? extends Awaitable<T>> body) {
            this.tg = tg;
            this.body = body;
        }

        @Override
        protected void $resume() {
            TaskGroup g = tg;
            for (;;) {
                switch ($state) {
                    case 0: {
                        g.enter();
                        Awaitable<T> work;
                        try {
                            work = Objects.requireNonNull(body.apply(g), "the TaskGroup body returned null");
                        } catch (Throwable t) {
                            et = t;
                            $state = 2;
                            continue;
                        } finally {
                            body = null;
                        }
                        if ($await(work, 1)) {
                            return;
                        }
                    }
                    // fall through
                    case 1:
                        try {
                            value = $get();
                        } catch (Throwable t) {
                            et = t;
                        }
                        // fall through
                    case 2:
                        g.exiting = true;
                        if (et != null && isBaseError(et) && g.baseError == null) {
                            g.baseError = et;
                        }
                        propagateCancellation = et instanceof CancelledException ? et : null;
                        if (et != null && !g.aborting) {
                            // The body failed or was cancelled: cancel the tasks.
                            g.abort();
                        }
                        // fall through
                    case 3:
                        if (g.tasks.isEmpty()) {
                            $state = 5;
                            continue;
                        }
                        if (g.onCompleted == null) {
                            g.onCompleted = new Future<>(g.loop);
                        }
                        if ($await(g.onCompleted, 4)) {
                            return;
                        }
                        // fall through
                    case 4:
                        try {
                            $get();
                        } catch (CancelledException ex) {
                            // The parent task is cancelled while waiting for the tasks (maybe
                            // repeatedly): cancel them, keep waiting, then propagate.
                            if (!g.aborting) {
                                propagateCancellation = ex;
                                g.abort();
                            }
                        }
                        g.onCompleted = null;
                        $state = 3;
                        continue;
                    case 5:
                        finish(g);
                        return;
                    default:
                        throw $badState();
                }
            }
        }

        private void finish(TaskGroup g) {
            if (g.baseError != null) {
                throw sneakyThrow(g.baseError);
            }
            if (g.parentCancelRequested) {
                // The group cancelled its parent task: withdraw that request. If no other is
                // pending, the CancelledException that came out of the body is not propagated.
                if (g.parentTask.uncancel() == 0) {
                    propagateCancellation = null;
                }
            }
            List<Throwable> errors = g.errors;
            if (propagateCancellation != null && errors.isEmpty()) {
                throw sneakyThrow(propagateCancellation);
            }
            if (et != null && !(et instanceof CancelledException)) {
                errors.add(et);
            }
            if (!errors.isEmpty()) {
                if (g.parentTask.cancelling() > 0) {
                    // Cancelled from outside too: keep that request pending, count unchanged.
                    g.parentTask.uncancel();
                    g.parentTask.cancel();
                }
                g.errors = null;
                throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
            }
            T v = value;
            value = null;
            $complete(v);
        }
    }
}
